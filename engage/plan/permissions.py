"""The plan's pages are public; staff edit boards and plans (plan.manage, no object rules)."""
