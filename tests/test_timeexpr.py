"""Date resolution: the news forms the events stage relies on, and JioNLP's own cases as a floor."""
import datetime as dt
import json
import os

import pytest

from conftest import SHARED
from ties import timeexpr

REF = dt.date(2025, 4, 14)


@pytest.mark.parametrize("text,start,end", [
    ("越共中央总书记苏林今天（14日）在河内会见", "2025-04-14", "2025-04-14"),
    ("应邀于1月10日至13日对越南进行正式访问", "2025-01-10", "2025-01-13"),
    ("10月30日至11月2日访华", "2025-10-30", "2025-11-02"),
    ("12月28日至30日", "2024-12-28", "2024-12-30"),  # far after the reference: the year before
    ("去年3月3号两国签署协议", "2024-03-03", "2024-03-03"),
    ("二〇二四年十二月二十日", "2024-12-20", "2024-12-20"),
    ("2019年4月12-19日", "2019-04-12", "2019-04-19"),
    ("2021年4月20日11:00时至2021年4月25日17:00时", "2021-04-20", "2021-04-25"),
    ("自2020-05-26至2020-05-29止", "2020-05-26", "2020-05-29"),
    ("Chủ tịch nước sẽ thăm Trung Quốc từ ngày 11 - 15/5", "2025-05-11", "2025-05-15"),
    ("下个月9号", "2025-05-09", "2025-05-09"),
])
def test_day_forms(text, start, end):
    got = timeexpr.resolve(text, REF)
    assert got and (got[0].isoformat(), got[1].isoformat()) == (start, end)


def test_spans_only_when_asked():
    assert timeexpr.resolve("2023年是中越建交73周年", REF) is None  # a year is no event date
    assert timeexpr.resolve("2023年", REF, spans=True) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert timeexpr.resolve("今年一季度", REF, spans=True) == (dt.date(2025, 1, 1), dt.date(2025, 3, 31))


def test_jionlp_cases_floor():
    path = os.path.join(SHARED, "bench", "cn-time-normalization", "jionlp_time_parser_cases.jsonl")
    if not os.path.exists(path):
        pytest.skip("no JioNLP cases")
    ok = tried = 0
    for line in open(path, encoding="utf-8"):
        c = json.loads(line)
        exp = c["expected"]
        if exp.get("type") not in ("time_point", "time_span") or not isinstance(exp.get("time"), list):
            continue
        try:
            ref = dt.date.fromisoformat(str(c.get("time_base_local"))[:10])
        except ValueError:
            continue
        tried += 1
        got = timeexpr.resolve(c["text"], ref, spans=True)
        ok += bool(got) and got[0].isoformat() == exp["time"][0][:10] and got[1].isoformat() == exp["time"][1][:10]
    assert tried > 200 and ok / tried >= 0.3, (ok, tried)


def test_undated_year_after_a_recalled_month():
    # baomoi-vi/22255762.txt: the report's 12 May comes after the visit of November 2016 it recalls
    text = ("Chiều 12/5, tại Đại lễ đường Nhân dân, Chủ tịch nước Trần Đại Quang đã hội kiến Trương Đức Giang. "
            "Chủ tịch nước đánh giá cao chuyến thăm Việt Nam của đồng chí Trương Đức Giang (tháng 11/2016).")
    assert timeexpr.infer_year(text, 2026, people=[(2016, 2018)]) == 2017
    # baomoi-vi/22557824.txt: a month ahead ("APEC tháng 11/2017 tới đây") is not behind the report
    text = ("Ngày 18/6, Thủ tướng tiếp đoàn. Tập Cận Bình sẽ thăm Việt Nam, dự Hội nghị Cấp cao APEC tháng 11/2017 tới đây.")
    assert timeexpr.infer_year(text, 2026) == 2017


def test_vietnamese_range_with_a_dash_and_a_bare_weekday():
    ref = dt.date(2017, 12, 31)
    # baomoi-vi/22246468.txt: "từ ngày 11 đến 15-5"; the sentence's full stop ends the date
    assert timeexpr.resolve("Chủ tịch nước thăm Trung Quốc từ ngày 11 đến 15-5.", ref) == (dt.date(2017, 5, 11), dt.date(2017, 5, 15))
    assert timeexpr.resolve("con đường” từ ngày 11 - 15/5.", ref) == (dt.date(2017, 5, 11), dt.date(2017, 5, 15))
    # zaobao-realtime/2023-06-26.json#35, cut short by the feed: the last Sunday before Monday's report
    assert timeexpr.resolve("秦刚星期天（6月...", dt.date(2023, 6, 26)) == (dt.date(2023, 6, 25), dt.date(2023, 6, 25))
    assert timeexpr.resolve("将于星期五访问", dt.date(2023, 6, 28), future=True) == (dt.date(2023, 6, 30), dt.date(2023, 6, 30))


def test_a_whole_years_figure_is_told_after_that_year():
    """baomoi-vi/22245244.txt (undated): "chiều 11/5" beside "kim ngạch … đạt gần 72 tỷ USD trong năm
    2016": the May is 2017's; "tiếp tục tăng trong năm 2017" (no figure) says nothing of that kind."""
    from ties.timeexpr import infer_year

    text = ("Chủ tịch Tập Cận Bình chủ trì lễ đón tại Bắc Kinh chiều 11/5. Theo TTXVN, kim ngạch thương mại "
            "song phương Việt - Trung đạt gần 72 tỷ USD trong năm 2016, tăng 7,9% so với năm trước.")
    assert infer_year(text, 2026) == 2017
    assert infer_year("Chiều 11/5, hai bên hội đàm. Lượng khách tiếp tục tăng trong năm 2017.", 2026) == 2017
