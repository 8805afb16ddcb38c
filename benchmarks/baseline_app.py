"""The stack's floor: one select-slider and one Plotly chart that depends on it, nothing else.

benchmarks/slider_latency.py measures each page's slider-to-redrawn-chart latency as a ratio to
this app's, in the same run and the same browser. Keep it minimal: anything added here hides cost
in the pages.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

# Like the Loss page's compute slider: 20 log steps per decade from 1e18 to 1e32 (281 options).
OPTIONS = [float(f"{v:.3g}") for v in np.logspace(18, 32, 281)]
X = np.logspace(18, 32, 300)

c = st.select_slider("Compute budget (FLOP)", options=OPTIONS, value=OPTIONS[110], key="x",
                     format_func=lambda v: f"{v:.2e}")
y = 2.57 * (X / 8.64e19) ** -0.048 + 0.1 * np.sin(np.log10(X) - np.log10(c))
fig = go.Figure(go.Scatter(x=X, y=y, mode="lines", name="curve"))
# A one-point marker as a list, like the Loss page's, so one JS reader serves both apps.
fig.add_trace(go.Scatter(x=[c], y=[float(np.interp(c, X, y))], mode="markers", name="At your budget"))
fig.update_xaxes(type="log")
st.plotly_chart(fig, key="chart")
