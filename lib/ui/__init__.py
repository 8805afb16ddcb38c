"""The Streamlit glue: the only package in lib/ that imports Streamlit. Pages use it as ``ui``.

Pages call :func:`controls` to get validated values (URL -> registry -> widgets), then draw
results with the helpers below; a page without parameters calls :func:`no_parameters`.

- navigation.py: every run goes through app.py's navigation, even on a cold server;
- address.py: the link and the address bar (checked once per arrival, problems shown, corrected);
- session.py: session memory across pages (each chain's last values, shared values, the position);
- pickers.py: the position and preset boxes;
- controls.py: registry parameters become widgets; a chain page's body (:func:`chain_page`), its key
  slider in a fragment of its own;
- look.py: the app's own CSS (contrast the theme cannot set);
- share.py: the share box; output.py: charts with CSV downloads, tabs;
- chain_views.py: a chain page's chart views with the uncertainty views;
- compare_inputs.py: the compare page's two link boxes and their shortcuts.

URL syncing is Streamlit's own ``bind="query-params"``: a widget's key is its URL parameter,
values equal to the default are left out of the URL. Streamlit drops bad URL values silently, so
on arriving at a page :func:`lib.ui.address.check_link` reads the raw query, says what was wrong,
and puts the corrected query in the address bar, so that the address bar is always the share link.

A query of more than 1,000 fields (or 512Ki characters) never reaches the server: Streamlit drops
it whole. A few lines of JavaScript (a components-v2 probe, mounted only when a page arrives with
an empty query) read the browser's address and send such a query back; the page then warns, takes
its own parameters from it and clears the rest. Where that script cannot run (AppTest, a client
without JavaScript), such a link still opens at the defaults, unannounced.
"""

from lib.ui.address import no_parameters, page_parameters
from lib.ui.chain_views import chain_views
from lib.ui.compare_inputs import compare_helpers, compare_inputs, show_link_problems
from lib.ui.controls import chain_page, control, controls, key_view, values_button
from lib.ui.look import app_look, by_width
from lib.ui.navigation import app_navigation_ran, ensure_app_navigation, say_if_no_such_page
from lib.ui.output import chart, tabbed
from lib.ui.pickers import position_picker
from lib.ui.session import current_position, session_values, set_values
from lib.ui.share import compare_share, view_link

__all__ = [
    "app_look", "app_navigation_ran", "by_width", "chain_page", "chain_views", "chart", "compare_helpers", "compare_inputs", "compare_share", "control",
    "controls", "current_position", "ensure_app_navigation", "key_view", "no_parameters", "page_parameters",
    "position_picker", "say_if_no_such_page", "session_values", "set_values", "show_link_problems", "tabbed", "values_button", "view_link",
]
