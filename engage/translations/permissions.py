"""Translations have no object rules: any officer may translate any council content."""
