"""``python -m lib data refresh``: good files replace the snapshots; anything else leaves them byte for byte.

The fixtures in tests/fixtures/refresh/ are served from a local HTTP server on 127.0.0.1: a small
METR YAML in the real structure (values copied from METR's file as mirrored at IAPS-AI/METR-Time-
Horizons c59c78bf) and a small Epoch CSV with the export's 46 real columns (rows copied from the
export of 2026-01-26), each next to broken versions. The data folder of each test is a tmp copy of
small "shipped" files (tests/fixtures/refresh/shipped/: the real headers and a few real rows), so
the truncation guard, relative to the current file's rows, bites with small fixtures.
"""

from __future__ import annotations

import csv
import http.server
import io
import shutil
import stat
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import ClassVar

import pytest

from lib.__main__ import main
from lib.data import files
from lib.data.refresh import cli, epoch, metr
from lib.data.refresh.common import RefreshError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "refresh"
SHIPPED = FIXTURES / "shipped"
TODAY = date(2026, 6, 1)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The fixture files, plus /slow/NAME (answers after 3 s) and /cut/NAME (promises 100 bytes more than it sends)."""

    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        kind, _, name = self.path.lstrip("/").partition("/")
        if kind == "slow":
            time.sleep(3)
        if kind in ("slow", "cut"):
            body = (FIXTURES / name).read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body) + (100 if kind == "cut" else 0)))
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client gave up on /slow/ (the point of that test): not worth a traceback on stderr


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), partial(_Handler, directory=str(FIXTURES)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for p in SHIPPED.iterdir():
        shutil.copy(p, folder / p.name)
    return folder


def _refresh(server: str, data_dir: Path, *args: str, metr_file: str = "metr_good.yaml",
             epoch_file: str = "epoch_good.csv") -> int:
    return main(["data", "refresh", *args, "--data-dir", str(data_dir), "--timeout", "1",
                 "--metr-url", f"{server}/{metr_file}", "--epoch-url", f"{server}/{epoch_file}"])


def _rows(path: Path) -> dict[str, list[str]]:
    """The rows of a data file as the text the file holds, by their first field."""
    body = "".join(line for line in path.read_text(encoding="utf-8").splitlines(True) if not line.startswith("#"))
    return {r[0]: r for r in list(csv.reader(io.StringIO(body)))[1:]}


def _one_error_line(err: str, name: str) -> str:
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith(f"error: {name}: not refreshed"), err
    assert "Traceback" not in err
    return lines[0]


# --- good files ------------------------------------------------------------------------------------------


def test_good_files_replace_both_snapshots(server: str, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _Handler.agents.clear()
    before = datetime.now(UTC).date()
    assert _refresh(server, data_dir) == 0
    days = {before.isoformat(), datetime.now(UTC).date().isoformat()}
    out = capsys.readouterr().out
    for source, url in ((metr, f"{server}/metr_good.yaml"), (epoch, f"{server}/epoch_good.csv")):
        written = files.read_dataset(data_dir / source.FILE)
        shipped = files.read_dataset(files.DATA_DIR / source.FILE)
        assert list(written.table.columns) == list(shipped.table.columns)
        assert url in written.source
        assert written.snapshot.split(",")[0] in days and "fetched by python -m lib data refresh" in written.snapshot
        assert written.meta["licence"] == shipped.meta["licence"]
        assert written.meta["description"] == shipped.meta["description"]
    assert "metr_time_horizons.csv updated: 5 -> 6 rows; newest 2026-04-07 -> 2026-02-05" in out
    assert "epoch_compute.csv updated: 4 -> 7 rows; newest 2023-03-15 -> 2025-12-31" in out
    assert "restart" in out
    assert _Handler.agents and all("ai-forecasting-dashboard" in a for a in _Handler.agents)


def test_refreshed_rows_are_the_shipped_rows_of_the_same_models(server: str, data_dir: Path) -> None:
    """Converting METR's and Epoch's own files gives exactly the text the shipped file has for those rows."""
    assert _refresh(server, data_dir) == 0
    new_metr, real_metr = _rows(data_dir / metr.FILE), _rows(files.DATA_DIR / metr.FILE)
    assert list(new_metr) == ["gpt2", "gpt_4", "claude_3_opus_inspect", "gpt_5_2", "claude_opus_4_6_inspect",
                              "gpt_5_3_codex"]  # by release date, then key, as shipped
    for key, row in new_metr.items():
        expected = real_metr[key]
        if key in ("claude_opus_4_6_inspect", "gpt_5_3_codex"):  # not in the small "shipped" file: named from the key
            expected = [*expected[:1], metr.display_name(key), *expected[2:]]
        assert row == expected
    # The shipped file's secondary row is not in METR's file: it goes, and every row is now primary.
    assert "claude_mythos_preview_early_inspect" not in new_metr
    new_epoch, real_epoch = _rows(data_dir / epoch.FILE), _rows(files.DATA_DIR / epoch.FILE)
    assert len(new_epoch) == 7 and "SNARC" not in new_epoch  # SNARC has no compute estimate
    for name, row in new_epoch.items():
        assert row == real_epoch[name]  # incl. "ALLaM adapted 70B" (a no-break space in the export)


def test_dry_run_writes_nothing(server: str, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    assert _refresh(server, data_dir, "--dry-run") == 0
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before
    out = capsys.readouterr().out
    assert out.count("would be updated (dry run: nothing written)") == 2
    assert "restart" not in out


def test_the_written_file_keeps_its_mode_and_no_temporary_file_stays(server: str, data_dir: Path) -> None:
    (data_dir / metr.FILE).chmod(0o644)
    assert _refresh(server, data_dir, "metr") == 0
    assert stat.S_IMODE((data_dir / metr.FILE).stat().st_mode) == 0o644
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(p.name for p in SHIPPED.iterdir())


# --- bad downloads ---------------------------------------------------------------------------------------

METR_BAD = {
    "truncated": ("metr_truncated.yaml", "not valid YAML at line 82"),
    "wrong keys": ("metr_wrong_keys.yaml", "claude_3_opus_inspect: missing key 'metrics.p50_horizon_length'"),
    "html page": ("metr_page.yaml", "the download is an HTML page"),
    "cut between models": ("metr_two_models.yaml", "only 2 models where the current file has 5"),
    "404": ("no_such_file.yaml", "HTTP 404"),
    "short body": ("cut/metr_good.yaml", "cut short"),
    "timeout": ("slow/metr_good.yaml", "no answer from"),
}
EPOCH_BAD = {
    "truncated": ("epoch_truncated.csv", "the last line has no line end"),
    "wrong columns": ("epoch_wrong_columns.csv", "missing column 'Training compute (FLOP)'"),
    "not csv": ("epoch_not_csv.csv", "binary data, not Epoch's CSV export"),
    "html page": ("metr_page.yaml", "the download is an HTML page"),
    "404": ("no_such_file.csv", "HTTP 404"),
}


@pytest.mark.parametrize(("fixture", "reason"), METR_BAD.values(), ids=METR_BAD.keys())
def test_a_bad_metr_download_leaves_the_file_untouched(server: str, data_dir: Path, fixture: str, reason: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    before = (data_dir / metr.FILE).read_bytes()
    assert _refresh(server, data_dir, "metr", metr_file=fixture) == 1
    assert (data_dir / metr.FILE).read_bytes() == before
    captured = capsys.readouterr()
    assert reason in _one_error_line(captured.err, "metr")
    assert captured.out == ""


@pytest.mark.parametrize(("fixture", "reason"), EPOCH_BAD.values(), ids=EPOCH_BAD.keys())
def test_a_bad_epoch_download_leaves_the_file_untouched(server: str, data_dir: Path, fixture: str, reason: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    before = (data_dir / epoch.FILE).read_bytes()
    assert _refresh(server, data_dir, "epoch", epoch_file=fixture) == 1
    assert (data_dir / epoch.FILE).read_bytes() == before
    assert reason in _one_error_line(capsys.readouterr().err, "epoch")


@pytest.mark.parametrize("failing", ["metr", "epoch"])
def test_one_dataset_failing_does_not_stop_the_other(server: str, data_dir: Path, failing: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = {"metr_file": "metr_truncated.yaml"} if failing == "metr" else {"epoch_file": "epoch_truncated.csv"}
    failed, refreshed = (metr, epoch) if failing == "metr" else (epoch, metr)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    assert _refresh(server, data_dir, **bad) == 1
    assert (data_dir / failed.FILE).read_bytes() == before[failed.FILE]
    assert (data_dir / refreshed.FILE).read_bytes() != before[refreshed.FILE]
    assert "fetched by python -m lib data refresh" in files.read_dataset(data_dir / refreshed.FILE).snapshot
    captured = capsys.readouterr()
    _one_error_line(captured.err, failed.NAME)
    assert f"{refreshed.NAME}: {refreshed.FILE} updated" in captured.out


def test_the_guard_is_relative_to_the_real_shipped_file(server: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Against the 26 models the app ships, a file of 6 is refused as cut short."""
    shutil.copy(files.DATA_DIR / metr.FILE, tmp_path / metr.FILE)
    before = (tmp_path / metr.FILE).read_bytes()
    assert _refresh(server, tmp_path, "metr") == 1
    assert (tmp_path / metr.FILE).read_bytes() == before
    assert "only 6 models where the current file has 26" in capsys.readouterr().err


def test_a_missing_current_file_is_an_error_not_a_new_file(server: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert _refresh(server, tmp_path, "epoch") == 1
    assert not (tmp_path / epoch.FILE).exists()
    assert "to refresh" in _one_error_line(capsys.readouterr().err, "epoch")


@pytest.mark.parametrize("argv", [["data"], ["data", "update"], ["data", "refresh", "nasdaq"],
                                  ["data", "refresh", "--timeout", "0"], ["data", "refresh", "--no-such-option"]])
def test_usage_errors_exit_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("error: ")


# --- the checks, one value at a time (no server) -------------------------------------------------------------

METR_TEXT = (FIXTURES / "metr_good.yaml").read_text(encoding="utf-8")
METR_NAMES = {"gpt2": "GPT-2", "gpt_4": "GPT-4 (0314)", "claude_3_opus_inspect": "Claude 3 Opus", "gpt_5_2": "GPT-5.2"}
GPT4_BLOCK = METR_TEXT[METR_TEXT.index("  gpt_4:"):METR_TEXT.index("  gpt_5_2:")]
METR_EDITS = {
    "estimate above its interval": (("estimate: 3.987428", "estimate: 9.5"), "does not contain the estimate 9.5"),
    "negative horizon": (("estimate: 0.0128", "estimate: -0.0128"), "gpt2: p80_horizon_length.estimate is -0.0128"),
    "not a number": (("ci_low: 1.93292", "ci_low: .nan"), "gpt_4: p50_horizon_length.ci_low is nan"),
    "infinite": (("ci_high: 815.177445", "ci_high: .inf"), "gpt_5_2: p50_horizon_length.ci_high is inf"),
    "future release": (("release_date: 2025-12-11", "release_date: 2099-12-11"), "after the fetch date 2026-06-01"),
    "not a date": (("release_date: 2025-12-11", "release_date: December 2025"), "not a YYYY-MM-DD date"),
    "repeated model": (("swaa_version:", GPT4_BLOCK + "swaa_version:"), "key 'gpt_4' appears twice"),
    "other benchmark": (("benchmark_name: METR-Horizon-v1.1\ndoubling", "benchmark_name: SWE-bench\ndoubling"),
                        "not METR's Time Horizon 1.1 file"),
    "is_sota not a flag": (("is_sota: false\n      is_sota_p50", "is_sota: maybe\n      is_sota_p50"),
                           "claude_3_opus_inspect: is_sota is 'maybe'"),
    "score above 1": (("estimate: 0.752875", "estimate: 75.2875"), "average_score 75.2875 is above 1"),
    "trend block moved": (("  from_2023_on:", "  since_2023:"), "missing key 'doubling_time_in_days.from_2023_on'"),
}


@pytest.mark.parametrize(("edit", "reason"), METR_EDITS.values(), ids=METR_EDITS.keys())
def test_metr_values_are_checked(edit: tuple[str, str], reason: str) -> None:
    assert edit[0] in METR_TEXT
    text = METR_TEXT.replace(*edit, 1)
    with pytest.raises(RefreshError) as caught:
        metr.convert(text.encode(), "http://x", TODAY, METR_NAMES, 4)
    assert reason in str(caught.value) and "\n" not in str(caught.value)
    metr.convert(METR_TEXT.encode(), "http://x", TODAY, METR_NAMES, 4)  # the unedited text passes


def test_repeated_model_edit_really_repeats_a_key() -> None:
    """The 'repeated model' case above is a second gpt_4 under results, not a parse error of another kind."""
    edit = METR_EDITS["repeated model"][0]
    text = METR_TEXT.replace(*edit, 1)
    assert text.count("\n  gpt_4:\n") == 2


EPOCH_TEXT = (FIXTURES / "epoch_good.csv").read_text(encoding="utf-8")
EPOCH_EDITS = {
    "compute not a number": (("5.76e+23", "about 6e23"), "Chinchilla: training compute is 'about 6e23'"),
    "compute zero": (("1.52e+24", "0"), "K-EXAONE: training compute is 0"),
    "impossible date": (("2022-03-29", "2022-13-29"), "Chinchilla: publication date '2022-13-29' is not a calendar"),
    "future date": (("2023-03-15", "2099-03-15"), "GPT-4 (Mar 2023): publication date 2099-03-15 is after the fetch"),
    "bad frontier flag": ((",True,0.0,,4493", ",Yes,0.0,,4493"), "GPT-3 175B (davinci): frontier model is 'Yes'"),
    "repeated model": (("K-EXAONE,LG AI Research", "Chinchilla,LG AI Research"), "model 'Chinchilla' appears twice"),
    "negative parameters": (("Language modeling,70000000000.0", "Language modeling,-70000000000.0"),
                            "Chinchilla: parameters is -7e+10"),
    "a record short of fields": (("Theseus,", "Theseus;"), "record 10 has 45 fields, the header 46"),
}


@pytest.mark.parametrize(("edit", "reason"), EPOCH_EDITS.values(), ids=EPOCH_EDITS.keys())
def test_epoch_values_are_checked(edit: tuple[str, str], reason: str) -> None:
    assert EPOCH_TEXT.count(edit[0]) == 1
    with pytest.raises(RefreshError) as caught:
        epoch.convert(EPOCH_TEXT.replace(*edit).encode(), "http://x", TODAY, 4)
    assert reason in str(caught.value)
    epoch.convert(EPOCH_TEXT.encode(), "http://x", TODAY, 4)


def test_epoch_guard_and_good_conversion() -> None:
    good = epoch.convert(EPOCH_TEXT.encode(), "http://x", TODAY, 8)  # 7 rows keep 80% of 8
    assert good.rows == 7 and good.newest == "2025-12-31"
    with pytest.raises(RefreshError, match="only 7 models with a compute estimate where the current file has 515"):
        epoch.convert(EPOCH_TEXT.encode(), "http://x", TODAY, 515)


def test_cli_with_a_fetcher_and_a_fixed_day(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The snapshot date is the fetch day; the fetcher is the only way out to the network."""
    asked: list[str] = []

    def fetcher(url: str, timeout: float) -> bytes:
        asked.append(url)
        return (FIXTURES / url.rsplit("/", 1)[-1]).read_bytes()

    code = cli(["refresh", "epoch", "--data-dir", str(data_dir), "--epoch-url", "https://example.org/epoch_good.csv"],
               today=TODAY, fetcher=fetcher)
    assert code == 0 and asked == ["https://example.org/epoch_good.csv"]
    assert files.read_dataset(data_dir / epoch.FILE).snapshot.startswith("2026-06-01, fetched by python -m lib data")
    assert (data_dir / metr.FILE).read_bytes() == (SHIPPED / metr.FILE).read_bytes()  # not asked for: untouched


def test_the_summary_names_changed_rows_and_a_refresh_that_changes_nothing(data_dir: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    def fetcher(url: str, timeout: float) -> bytes:
        return (FIXTURES / "metr_good.yaml").read_bytes()

    args = ["refresh", "metr", "--data-dir", str(data_dir)]
    assert cli(args, today=TODAY, fetcher=fetcher) == 0
    path = data_dir / metr.FILE
    path.write_text(path.read_text(encoding="utf-8").replace("352.249302", "352.2"), encoding="utf-8")
    capsys.readouterr()
    assert cli(args, today=TODAY, fetcher=fetcher) == 0
    out = capsys.readouterr().out
    assert "6 -> 6 rows" in out and out.splitlines()[0].endswith("; changed gpt_5_2")  # that row alone
    assert "added" not in out and "dropped" not in out
    assert cli(args, today=date(2026, 6, 2), fetcher=fetcher) == 0
    assert "no row changed, only the snapshot date" in capsys.readouterr().out
    assert files.read_dataset(path).snapshot.startswith("2026-06-02")


@pytest.mark.parametrize(("key", "name"), [("gpt_5_5", "GPT-5.5"), ("claude_opus_4_6_inspect", "Claude Opus 4.6"),
                                           ("o3_inspect", "o3"), ("gemini_3_1_pro", "Gemini 3.1 Pro")])
def test_new_keys_get_readable_names(key: str, name: str) -> None:
    assert metr.display_name(key) == name
