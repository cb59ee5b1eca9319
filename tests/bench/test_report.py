"""``make bench``'s judgement: each target on the page's and the reference's best rounds, so
a burst of load elsewhere (which only slows a sample) cannot make a page miss, while a page
slower in every round still does."""

from bench.__main__ import Result, Sample, Target, report

ROWS = Target("REF 50-row template", "/_bench/rows/", "reference")
BYTES = Target("REF fixed bytes", "/_bench/bytes/1/", "reference")


def result(target, *rps):
    return Result(target, "cache off", [Sample(r, 1.0, 1.0, 100, 0, 0) for r in rps])


def judged(page_rps, rows_rps=(400, 400, 400, 400, 400, 400)):
    page = Target("document detail", "/documents/x/", "detail")
    results = [result(page, *page_rps), result(ROWS, *rows_rps), result(BYTES, *[3000] * 6)]
    return report(results, [page, ROWS, BYTES], "header")


def test_a_page_slowed_in_most_rounds_by_load_elsewhere_is_judged_on_its_best_round(capsys):
    # Four of six rounds halved by bursts: the median ratio reads 0.54, the best 1.05.
    assert judged([420, 210, 215, 410, 205, 220]) == []
    table = capsys.readouterr().out
    assert "0.54" in table and "1.05" in table


def test_a_page_slower_than_the_reference_in_every_round_misses():
    assert judged([390, 380, 385, 392, 388, 370]) == [
        "document detail, cache off: 0.98× rows < 1.0"
    ]


def test_the_references_best_round_is_the_measure_not_its_slowed_ones():
    # The reference slowed in five rounds: against its median the page would pass.
    assert judged([300] * 6, rows_rps=[400, 200, 200, 200, 200, 200]) == [
        "document detail, cache off: 0.75× rows < 1.0"
    ]
