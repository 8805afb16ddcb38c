"""Helpers for AppTest page tests."""

from streamlit.testing.v1 import AppTest


def assert_clean(at: AppTest) -> None:
    """No exception element, and no NaN/inf text in any metric."""
    assert not at.exception, [e.value for e in at.exception]
    for m in at.metric:
        for text in (m.value, m.label):
            assert "nan" not in text.lower().split() and "inf" not in text.lower().split(), text


def assert_preset_applied(at: AppTest, params, preset) -> None:
    """Every widget holds the preset's value, or its default where the preset is silent."""
    for param in params.params:
        got = at.session_state[param.key]
        got = tuple(got) if isinstance(got, list) else got
        assert got == preset.values.get(param.key, param.default), param.key
