"""Object rules for surveys."""

from engage.permissions import can, object_rule


@object_rule("survey.view")
def _view(user, survey) -> bool:
    return survey.is_public or can("survey.manage", user=user)


@object_rule("survey.take")
def _take(user, survey) -> bool:
    # Named surveys need an account; anonymous ones are open to anyone while they run.
    if not survey.anonymous and not getattr(user, "is_authenticated", False):
        return False
    return survey.is_accepting_responses()


@object_rule("survey.view_results")
def _view_results(user, survey) -> bool:
    return survey.is_public and survey.results_published
