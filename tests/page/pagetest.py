"""Helpers for AppTest page tests."""

from streamlit.testing.v1 import AppTest


def assert_clean(at: AppTest) -> None:
    """No exception element, and no NaN/inf text in any metric."""
    assert not at.exception, [e.value for e in at.exception]
    for m in at.metric:
        for text in (m.value, m.label):
            assert "nan" not in text.lower().split() and "inf" not in text.lower().split(), text
