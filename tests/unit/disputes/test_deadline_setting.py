"""GRAPH_SERVICE_DISPUTE_DEADLINES: days per status, refused with the variable's name."""

from __future__ import annotations

import pytest

from graph_service.config import SettingsError, load_settings


def test_deadlines_per_status_from_the_environment() -> None:
    env = {"GRAPH_SERVICE_DISPUTE_DEADLINES": "negotiating=30, coordinating=60"}
    settings = load_settings(env)
    assert settings.dispute_deadlines == (("negotiating", 30), ("coordinating", 60))
    assert load_settings({}).dispute_deadlines == ()  # none invented


@pytest.mark.parametrize("raw", ["closed=3", "negotiating=soon", "negotiating"])
def test_a_bad_deadline_names_the_variable(raw: str) -> None:
    with pytest.raises(SettingsError, match="GRAPH_SERVICE_DISPUTE_DEADLINES"):
        load_settings({"GRAPH_SERVICE_DISPUTE_DEADLINES": raw})
