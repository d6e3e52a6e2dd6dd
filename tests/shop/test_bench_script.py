"""The pure helpers of scripts/bench.py (`make bench`): cookies, wrk's output, the verdicts."""

import importlib.util
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "scripts" / "bench.py"
_spec = importlib.util.spec_from_file_location("bench_script", BENCH)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8050/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.10ms    1.02ms  20.11ms   90.00%
  Latency Distribution
     50%  812.00us
     75%    4.20ms
     90%    5.00ms
     99%    1.20s
  19000 requests in 5.00s, 300.00MB read
  Socket errors: connect 0, read 2, write 1, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:   3800.25
Transfer/sec:     60.00MB
"""


def test_set_cookie_keeps_secure_cookies_and_deletes_expired_ones():
    cookies = {}
    bench.apply_set_cookie(cookies, "csrftoken=abc; expires=Mon, 29 Nov 2027 07:00:00 GMT; Secure")
    bench.apply_set_cookie(cookies, "oscar_open_basket=1:x; HttpOnly; Path=/; Secure")
    assert cookies == {"csrftoken": "abc", "oscar_open_basket": "1:x"}
    bench.apply_set_cookie(
        cookies, 'messages=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/'
    )
    bench.apply_set_cookie(
        cookies,
        "csrftoken=gone; expires=Sun, 29 Nov 2026 07:00:00 GMT",
        now=datetime(2026, 11, 30, tzinfo=UTC),
    )
    assert cookies == {"oscar_open_basket": "1:x"}
    assert bench.cookie_header({"a": "1", "b": "2"}) == "a=1; b=2"


def test_wrk_output_is_read_in_milliseconds_with_every_error():
    result = bench.parse_wrk(WRK_OUTPUT)
    assert result == {
        "rps": 3800.25,
        "p50": 0.812,
        "p99": 1200.0,
        "non_2xx": 7,
        "socket_errors": 6,
    }
    clean = bench.parse_wrk(WRK_OUTPUT.replace("  Non-2xx or 3xx responses: 7\n", ""))
    assert clean["non_2xx"] == 0


def test_hit_rate_and_percentile():
    assert bench.hit_rate({"hit": 3, "miss": 1}) == 0.75
    assert bench.hit_rate({}) is None
    assert bench.percentile([5, 1, 3, 2, 4], 0.5) == 3
    assert bench.percentile([], 0.99) is None


def test_a_pages_ratio_is_the_median_of_its_pairs_with_the_bare_view():
    def run(rps):
        return {"rps": rps, "p50": 1.0, "p99": 2.0, "non_2xx": 1, "socket_errors": 0}

    # The third pair ran in a slow spell: both halves slow, its ratio as good as the others'.
    pairs = [(run(2000), run(1600)), (run(2000), run(1700)), (run(700), run(560))]
    result = bench.paired_result(pairs)
    assert result["ratio"] == 0.8 and result["rps"] == 1600 and result["non_2xx"] == 3


def test_goals_name_each_page_below_its_share_of_the_bare_view():
    def run(rps):  # a page measured against a bare view of 1,000 req/s
        return {"rps": rps, "ratio": rps / 1000, "p50": 1.0, "p99": 2.0, "non_2xx": 0}

    wrk = {(page, "anonymous"): run(900) for page in bench.PAGES}
    wrk |= {(page, "cart"): run(600) for page in bench.PAGES}
    wrk[("product", "cart")] = run(400)  # 0.4 × bare
    lines = bench.goal_lines(
        wrk, 1000, {"home (anonymous)": 7, "cart with 20 lines": 11}, {"non-2xx": 0}
    )
    assert lines[0].endswith(": met")
    assert lines[1].endswith("NOT met: product (cart) 0.40")
    assert lines[2].endswith(": met") and lines[3].endswith(": met")
    assert lines[4].endswith("NOT met: cart with 20 lines: 11")
    assert lines[5].endswith(": met")
