"""Events as clause frames: each step on sentences from the corpus (the worked cases of
../shared/design/events.md) and on short sentences that isolate one rule."""
import pytest

from conftest import corpus
from ties.model import Article, Entity
from ties.stages.events import clauses, find, frames
from ties.stages.events.words import words


def _item(extract_one, path, n=None):
    recs = extract_one(corpus(*path.split("/")))
    if n is None:
        return recs[0]
    return next(r for r in recs if r.source_path.endswith(f"#{n}"))


def _events(art, typ):
    return [e for e in art.events if e.type == typ]


# --- frames: which clauses hold an event, of which type -------------------------------------

@pytest.mark.parametrize("sentence, types", [
    ("12日下午，习近平在人民大会堂同陈大光举行会谈。", ["talks"]),            # talks, not also meeting
    ("会谈后，两党总书记共同见证双方签署的合作文件。", ["signing"]),           # 会谈后 refers back; 见证…签署的 is the signing
    ("双方表示要加强高层交往，签署的协议要落到实处。", []),                     # a proposal; 签署的 modifies 协议
    ("双方遵守中美三个联合公报。", []),                                         # documents named, no issuing verb
    ("Hai bên cần triển khai các thỏa thuận đã ký kết.", []),                    # obligation; modifier of thỏa thuận
    ("两国领导人每年举行会晤。", []),                                           # habitual
    ("王沪宁、蔡奇等参加会见。", []),                                           # attendees of another's meeting
    ("张高丽还会见了阮晋勇，并与阮春福举行会谈。", ["meeting", "talks"]),       # two predicates joined by 并
    ("Chủ tịch nước sẽ thăm Trung Quốc và tham dự Diễn đàn Vành đai.", ["visit", "conference"]),
    ("陈日君抗议帕罗林。", []),                                                 # a protest is no incident type here
    ("成立海上共同开发磋商工作组。", []),                                       # a body's name, not talks
    ("当习近平夫妇抵达主席府时，阮富仲夫妇在下车处迎接。", []),                   # the time of another happening
    ("帕罗林在1月31日接受梵蒂冈电台及意大利《新闻报》访问。", []),               # an interview given, not a visit
    ("Hai nhà lãnh đạo nhất trí tích cực trao đổi, ký kết Đề án tổng thể.", []),  # resolved to work towards it
    # the stop hook's sample (cctv-xwlb-json/20250414.json#0, 20250904.json#6): the entourage flying in
    # with the traveller, and the summit one is congratulated on, are no happenings of their own
    ("中共中央书记处书记、公安部部长王小洪等陪同人员同机抵达。", []),
    ("梁强热烈祝贺中国成功举行上海合作组织天津峰会，表示两场重要活动都彰显中国的国际地位。", []),
])
def test_frames(sentence, types):
    found = frames.find(clauses.split(sentence), words())
    assert [f.type.name for f in found] == types


def test_relative_clause_visit_leaves_the_main_verb():
    found = frames.find(clauses.split("李强在人民大会堂会见来华进行国事访问的越共中央总书记苏林。"), words())
    assert sorted(f.type.name for f in found) == ["meeting", "visit"]
    assert next(f for f in found if f.type.name == "visit").relative


# --- the whole step chain on sentences with known persons -----------------------------------

def _art(text, persons=(), published="2017-05-12", outlet="CCTV", language="zh"):
    """An article through the entities stage (the dictionary knows the leaders named here)."""
    from ties.stages import entities

    art = Article(source_path="t", title="", text=text, published=published, outlet=outlet, language=language)
    art.entities = entities.find(art)
    return art


XI = ("Xi Jinping", "China", ["习近平"])
TRONG = ("Nguyễn Phú Trọng", "Vietnam", ["阮富仲"])
LKQ = ("Li Keqiang", "China", ["李克强"])
ZGL = ("Zhang Gaoli", "China", ["张高丽"])
SANG = ("Trương Tấn Sang", "Vietnam", ["张晋创"])


def test_relayed_greetings_are_not_participants():
    art = _art("张高丽在河内会见张晋创。张高丽转达了李克强总理的亲切问候。", [ZGL, SANG, LKQ])
    (m,) = find(art)
    assert m.participants == ["Zhang Gaoli", "Trương Tấn Sang"] and m.bilateral


def test_running_date_and_same_day_anaphor():
    art = _art("12日下午，习近平同阮富仲举行会谈。当晚，习近平为阮富仲举行欢迎宴会。", [XI, TRONG], published="2017-05-13")
    talks, meeting = find(art)
    assert talks.start == "2017-05-12" and meeting.start == "2017-05-12"


def test_recalled_happening_keeps_no_date_of_the_article():
    art = _art("12日，习近平同阮富仲举行会谈。去年10月，习近平同阮富仲举行会谈时说，要加强合作。", [XI, TRONG])
    evs = find(art)
    assert any(e.start == "2017-05-12" for e in evs)
    assert not any(e.recalled and e.start for e in evs)


def test_status_cancelled_planned_and_done():
    w = words()
    for text, status in [("李尚福推迟了与阮富仲的会晤。", "cancelled"),
                         ("习近平将于12日至14日对越南进行国事访问。", "planned"),
                         ("Mới đây, Nguyễn Phú Trọng đã có chuyến thăm Trung Quốc.", "occurred")]:
        art = _art(text, published="2017-11-07", language="vi" if "Mới" in text else "zh")
        evs = find(art)
        assert evs and evs[0].status == status, (text, evs)
    assert w.cancelled.search("推迟", "推迟")


def test_planned_visit_dates_in_the_month_announced():
    art = _art("习近平将于12日至14日对越南进行国事访问。", [XI], published="2017-11-07")
    (v,) = find(art)
    assert (v.start, v.end, v.location, v.status, v.bilateral) == ("2017-11-12", "2017-11-14", "Vietnam", "planned", True)


def test_venue_gives_the_city_and_calls_have_no_place():
    art = _art("12日，习近平在人民大会堂同阮富仲举行会谈。13日，习近平在北京同阮富仲通电话。", [XI, TRONG])
    talks, call = find(art)
    assert talks.location == "Beijing" and call.location is None


def test_four_meetings_of_one_visitor_stay_four():
    hosts = [("Zhang Dejiang", "China", ["张德江"]), ("Yu Zhengsheng", "China", ["俞正声"]),
             ("Liu Yunshan", "China", ["刘云山"]), LKQ]
    text = "".join(f"12日，{h[2][0]}在北京会见陈大光。" for h in hosts)
    art = _art(text, hosts + [("Trần Đại Quang", "Vietnam", ["陈大光"])])
    evs = find(art)
    assert len(evs) == 4 and all(len(e.participants) == 2 for e in evs)


# --- worked cases from the corpus ------------------------------------------------------------

def test_signing_witnessed_by_both_general_secretaries(extract_one):
    art = _item(extract_one, "cctv-xwlb-json/20231213.json", 1)
    (s,) = _events(art, "signing")
    assert set(s.participants) == {"Xi Jinping", "Nguyễn Phú Trọng"}
    assert (s.start, s.location, s.bilateral) == ("2023-12-12", "Hanoi", True)


def test_greetings_relayed_in_the_corpus(extract_one):
    art = _item(extract_one, "cctv-xwlb-json/20150717.json", 2)
    assert not any("Li Keqiang" in e.participants for e in art.events)
    talks = [e for e in _events(art, "talks") if "Zhang Gaoli" in e.participants]
    assert talks and talks[0].participants == ["Zhang Gaoli", "Nguyễn Xuân Phúc"] and talks[0].start == "2015-07-16"


def test_postponed_meeting(extract_one):
    art = _item(extract_one, "zaobao-realtime/2023-09-15.json", 43)
    (m,) = _events(art, "meeting")
    assert m.status == "cancelled" and m.start is None and m.bilateral


def test_joint_statement_being_drafted(extract_one):
    art = _item(extract_one, "zaobao-realtime/2023-10-06.json", 13)
    (j,) = _events(art, "joint_statement")
    assert j.status == "planned" and j.start is None and set(j.participants) == {"China", "Vietnam"}


def test_eve_of_a_state_visit(extract_one):
    art = _item(extract_one, "cctv-xwlb-json/20151104.json", 15)
    (v,) = _events(art, "visit")
    assert v.status == "planned" and v.participants == ["Xi Jinping"] and v.location == "Vietnam"


def test_tomorrow_said_to_the_guest(extract_one):
    art = _item(extract_one, "cctv-xwlb-json/20260415.json", 3)
    trip = [v for v in _events(art, "visit") if v.location == "Guangxi"]
    assert trip and (trip[0].participants, trip[0].start, trip[0].status) == (["Tô Lâm"], "2026-04-16", "planned")


def test_no_event_from_proposals_titles_or_ceremonies(extract_one):
    assert not _events(_item(extract_one, "baomoi-vi/22559062.txt"), "signing") or all(
        "đề nghị" not in e.evidence for e in _events(_item(extract_one, "baomoi-vi/22559062.txt"), "signing"))
    assert not _events(_item(extract_one, "hkcnews/article_24430.md"), "joint_statement")
    assert not _events(_item(extract_one, "hkcnews/article_12507.md"), "aid")


def test_place_after_tai_thanh_pho(extract_one):
    art = _item(extract_one, "baomoi-vi/22263199.txt")
    assert any(e.location == "Fuzhou" for e in _events(art, "meeting"))


def test_store_merges_one_meeting_across_outlets_and_keeps_four_apart(tmp_path, settings):
    """CCTV's 俞正声 meets 陈大光 and VNA's (on Baomoi) Du Chính Thanh meets Trần Đại Quang are one
    meeting with two reports; the visitor's meetings with four hosts that day stay four."""
    from ties.ingest import ingest_paths
    from ties.store import open_store

    store = open_store(str(tmp_path / "t.db"))
    ingest_paths([corpus("cctv-xwlb-json", "20170512.json"), corpus("baomoi-vi", "22255546.txt")], store, settings)
    meetings = store.events(actor="Trần Đại Quang", type="meeting", since="2017-05-12", until="2017-05-12")
    hosts = [set(m["participants"]) - {"Trần Đại Quang"} for m in meetings]
    assert len(meetings) >= 3 and all(len(h) == 1 for h in hosts), hosts
    yu = next(m for m in meetings if "Yu Zhengsheng" in m["participants"])
    assert {r["outlet"] for r in yu["reports"]} == {"CCTV", "Tin Tuc"} and yu["bilateral"]
    store.close()


@pytest.mark.parametrize("lang, text, want", [
    ("vi", "Năm 2016, kim ngạch thương mại hai nước đạt 72 tỷ USD, tăng 20%.",
     {("trade", 72e9, "USD", "2016"), ("trade_growth", 20.0, "percent", "2016")}),
    ("vi", "Năm 2006, kim ngạch đạt 9,9 tỷ USD.", {("trade", 9.9e9, "USD", "2006")}),
    ("vi", "Hai bên đã ký 5 văn kiện hợp tác.", {("documents_signed", 5.0, "count", None)}),
    ("en", "Trade rose 15 percent to $2.5 billion in 2008.",
     {("trade", 2.5e9, "USD", "2008"), ("trade_growth", 15.0, "percent", "2008")}),
    ("en", "Investment reached 1.2 billion dollars.", {("investment", 1.2e9, "USD", None)}),
    ("zh", "今年前7个月，广西对越南进出口1658.2亿元，同比增长32%。",
     {("trade", 1.6582e11, "CNY", "2017-01..2017-07"), ("trade_growth", 32.0, "percent", "2017-01..2017-07")}),
    ("zh", "截至目前，已有近500家国内外企业确认参展。", set()),  # a count of firms is no figure of ours
])
def test_figures_in_three_languages(lang, text, want):
    from ties.stages import figures

    art = Article(source_path="t", text=text, language=lang, published="2017-08-18")
    got = {(f.quantity, round(f.value, 1), f.unit, f.period) for f in figures.find(art)}
    assert got == {(q, round(v, 1), u, p) for q, v, u, p in want}


def test_a_document_name_holds_no_date_or_plan():
    art = _art("7日，习近平同阮富仲举行会谈。会谈后，习近平和阮富仲共同见证了《中越合作计划（2016-2020年）》的签署。",
               published="2015-04-07")
    signing = next(e for e in find(art) if e.type == "signing")
    assert (signing.start, signing.status) == ("2015-04-07", "occurred")


def test_meeting_placed_elsewhere_is_not_on_the_running_day():
    """A report from Beijing recalls a meeting in Mongolia: its place is Mongolia, its date unknown."""
    art = _art("俞正声12日在人民大会堂会见越南总理阮春福。李克强总理同阮春福总理在蒙古亚欧首脑会议期间会晤。",
               published="2016-09-12")
    beijing, elsewhere = find(art)
    assert (beijing.start, beijing.location) == ("2016-09-12", "Beijing")
    assert (elsewhere.start, elsewhere.location) == (None, "Mongolia")


def test_places_inside_other_words_and_the_deceased(extract_one):
    # zaobao-realtime/2024-01-18.json#29: 林同 (Lâm Đồng) inside 都柏林|同 made the Irish PM Vietnamese
    a = _item(extract_one, "zaobao-realtime/2024-01-18.json", 29)
    (talks,) = _events(a, "talks")
    assert not talks.bilateral and talks.location == "Dublin"
    assert not any(e.name == "Lam Dong" for e in a.entities)
    # cctv-xwlb-json/20250524.json#0: the one who died is not a party to the condolence message
    b = _item(extract_one, "cctv-xwlb-json/20250524.json", 0)
    msg = _events(b, "message")[0]
    assert "Trần Đức Lương" not in msg.participants and "Xi Jinping" in msg.participants


def test_each_counterpart_the_city_and_the_lead_s_day(extract_one):
    # cctv-xwlb-json/20120920.json#10: 分别会见 three leaders: three meetings, in Nanning (广西南宁)
    a = _item(extract_one, "cctv-xwlb-json/20120920.json", 10)
    meetings = _events(a, "meeting")
    assert [m.participants for m in meetings] == [["Xi Jinping", "Thongsing Thammavong"],
                                                  ["Xi Jinping", "Nguyễn Tấn Dũng"], ["Xi Jinping", "吉迪拉"]]
    assert {m.location for m in meetings} == {"Nanning"} and not _events(a, "conference")
    # zaobao-realtime/2023-06-26.json#35: the lead's meeting takes the day of the next sentence (星期天, cut)
    b = _item(extract_one, "zaobao-realtime/2023-06-26.json", 35)
    (m,) = _events(b, "meeting")
    assert m.start == "2023-06-25" and m.participants == ["Qin Gang", "Bùi Thanh Sơn"]
    # zaobao-realtime/2023-06-28.json#45: words said to a visitor (向到访的…说) were said at a meeting
    c = _item(extract_one, "zaobao-realtime/2023-06-28.json", 45)
    (m,) = _events(c, "meeting")
    assert (m.start, m.participants, m.location) == ("2023-06-27", ["Xi Jinping", "Phạm Minh Chính"], "Beijing")
    # zaobao-realtime/2023-11-26.json#14: the city of the second report of one meeting is its place
    d = _item(extract_one, "zaobao-realtime/2023-11-26.json", 14)
    assert [m.location for m in _events(d, "meeting")] == ["Ho Chi Minh City"]


def test_visits_under_way_and_ending(extract_one):
    # cctv-xwlb-json/20131016.json#3: the day a visit ends is its end, not its start
    a = _item(extract_one, "cctv-xwlb-json/20131016.json", 3)
    (v,) = _events(a, "visit")
    assert (v.start, v.end, v.location) == (None, "2013-10-15", "Vietnam")
    # cctv-xwlb-json/20131016.json#2: "正在越南进行正式访问的李克强": begun on a day not said
    b = _item(extract_one, "cctv-xwlb-json/20131016.json", 2)
    (v,) = _events(b, "visit")
    assert v.start is None


def test_companion_after_titles_and_the_earlier_subject(extract_one):
    # hkcnews/article_15131.md: "陳大光…參加國際經濟論壇，並與緬甸國務資政昂山素姬會晤": he meets her
    a = _item(extract_one, "hkcnews/article_15131.md")
    assert ["Trần Đại Quang", "Aung San Suu Kyi"] in [m.participants for m in _events(a, "meeting")]


def test_an_ended_visit_keeps_its_end_and_a_visit_takes_its_city(extract_one):
    # cctv-xwlb-json/20250415.json#7: "结束对越南国事访问" and "祝贺…访问越南取得圆满成功": one visit, ended that day
    a = _item(extract_one, "cctv-xwlb-json/20250415.json", 7)
    (v,) = _events(a, "visit")
    assert (v.start, v.end) == (None, "2025-04-15")
    # cctv-xwlb-json/20250415.json#6: the visit's meetings were in Hanoi, so the visit was to Hanoi
    b = _item(extract_one, "cctv-xwlb-json/20250415.json", 6)
    assert [v.location for v in _events(b, "visit")] == ["Hanoi"]


def test_an_announced_lead_takes_the_day_of_its_title(extract_one):
    # zaobao-realtime/2023-12-07.json#11: "习近平下周二起访问越南" read on Thursday 7 December: from the 12th
    a = _item(extract_one, "zaobao-realtime/2023-12-07.json", 11)
    (v,) = _events(a, "visit")
    assert (v.start, v.status, v.location) == ("2023-12-12", "planned", "Vietnam")


def test_talks_by_video_have_no_place(extract_one):
    # cctv-xwlb-json/20210617.json#1: "以视频方式举行会谈": no one place, like a call
    a = _item(extract_one, "cctv-xwlb-json/20210617.json", 1)
    (t,) = _events(a, "talks")
    assert t.location is None and t.participants == ["Li Zhanshu", "Vương Đình Huệ"]


def test_a_forum_recalled_in_background_is_no_event(extract_one):
    # dantri-unc-vi/news_society_055.txt: "…đặc biệt là việc tổ chức thành công Lễ kỷ niệm 10 năm thành lập Hội nghị…":
    # a forum named in background, with nobody taking part and no day of its own, is not an event of the report
    a = _item(extract_one, "dantri-unc-vi/news_society_055.txt")
    assert _events(a, "conference") == []
    assert [e.type for e in a.events] == ["meeting", "talks", "signing", "meeting"]


def test_english_wire_summit_and_meeting(extract_one):
    """reuters-financial-en: "Obama said Saturday …": the wire's bare weekday dates the report; an
    annual summit "getting underway" or hosted is held now; "He made the remarks in a meeting with
    leaders…" is the meeting of the person just named; "repeatedly visited" is no visit."""
    (a,) = extract_one(corpus("reuters-financial-en", "20111112_us-apec-obama-tpp-idUSTRE7AB0WV20111112"))
    got = {(e.type, e.start, tuple(e.participants)) for e in a.events}
    assert ("conference", "2011-11-12", ("Barack Obama",)) in got
    assert any(t == "meeting" and p[:1] == ("Barack Obama",) for t, _s, p in got)
    (b,) = extract_one(corpus("reuters-financial-en", "20070114_us-asean-summit-idUSMAN22898520070114"))
    assert not any("Junichiro Koizumi" in e.participants for e in b.events)


def test_an_item_opening_with_that_day_takes_the_day_of_the_item_before(extract_one):
    """cctv-xwlb-json/20131015.json: item #2 "李克强14日上午在河内会见阮富仲", then items opening
    "当天上午" / "当天下午": their meetings are of the 14th, not the broadcast's 15th."""
    recs = {r.source_path.rsplit("#", 1)[-1]: r for r in extract_one(corpus("cctv-xwlb-json", "20131015.json"))}
    for n in ("3", "4", "5"):
        meetings = [e for e in recs[n].events if e.type == "meeting"]
        assert meetings and all(e.start == "2013-10-14" for e in meetings), (n, meetings)
    assert any(e.start == "2013-10-15" for e in recs["6"].events)  # 张德江…15日: its own day


def test_an_earlier_scene_and_the_place_of_one_session(extract_one):
    """baomoi-vi/22559062.txt (undated): "Chiều 18-6 … Trụ sở Trung ương Đảng" (the year from
    "ký kết tháng 1-2017"); "Trước đó, tại trụ sở Bộ Quốc phòng … lễ đón", "Ngay sau lễ đón … hội
    đàm", "Kết thúc hội đàm … ký kết": an earlier, unnamed day, all at the ministry in Hanoi."""
    (a,) = extract_one(corpus("baomoi-vi", "22559062.txt"))
    got = [(e.type, e.start, e.location, tuple(e.participants)) for e in a.events]
    assert ("meeting", "2017-06-18", "Hanoi", ("Nguyễn Phú Trọng", "Fan Changlong")) in got
    for kind in ("talks", "signing"):
        assert (kind, None, "Hanoi", ("Ngô Xuân Lịch", "Fan Changlong")) in got, got


def test_a_forum_about_the_pair_with_one_side_attending_is_not_bilateral(extract_one):
    """baomoi-vi/22243222.txt: a Vietnamese association's workshop on transport "giữa Việt Nam -
    Trung Quốc", only Vietnamese speakers named: the forum is real, between the two it is not."""
    (a,) = extract_one(corpus("baomoi-vi", "22243222.txt"))
    forums = [e for e in a.events if e.type == "conference"]
    assert forums and not any(e.bilateral for e in forums)


def test_a_forum_qualifying_a_guest_is_his_and_a_weekday_in_brackets_names_the_date(extract_one):
    """cctv-xwlb-json/20150618.json#2 "李克强…会见来华共同主持中越双边合作指导委员会第八次会议的范平明":
    the meeting is Li's and Minh's, the forum Minh's alone; zaobao 2023-11-30#13 "王毅星期五（12月1日）
    至星期六（12月2日）将赴越南主持…会议": a two-day forum."""
    recs = {r.source_path.rsplit("#", 1)[-1]: r for r in extract_one(corpus("cctv-xwlb-json", "20150618.json"))}
    got = {(e.type, tuple(e.participants)) for e in recs["2"].events}
    assert ("meeting", ("Li Keqiang", "Phạm Bình Minh")) in got and ("conference", ("Phạm Bình Minh",)) in got
    recs = {r.source_path.rsplit("#", 1)[-1]: r for r in extract_one(corpus("zaobao-realtime", "2023-11-30.json"))}
    forum = next(e for e in recs["13"].events if e.type == "conference")
    assert (forum.start, forum.end, forum.status) == ("2023-12-01", "2023-12-02", "planned")


def test_signers_joined_across_their_titles_and_an_owner_is_not_the_actor(extract_one):
    """baomoi-vi/22362882.txt: "đồng chí Nguyễn Đức Lợi, Ủy viên …, Tổng Giám đốc TTXVN và đồng chí
    Thái Danh Chiếu, …, Xã trưởng Tân Hoa xã đã ký": both sign (and Đức in his name is no Germany);
    hkcnews/article_14636.md "習近平的文膽王滬寧…會見越南官員": 王滬寧 meets, not 習近平;
    baomoi-vi/22257448.txt "nhiệt liệt chào mừng … thăm cấp Nhà nước": the visit is under way, the
    welcome's day is not its start."""
    (a,) = extract_one(corpus("baomoi-vi", "22362882.txt"))
    assert ("signing", ("Nguyễn Đức Lợi", "Thái Danh Chiếu")) in {(e.type, tuple(e.participants)) for e in a.events}
    (b,) = extract_one(corpus("hkcnews", "article_14636.md"))
    assert [e.participants for e in b.events if e.type == "meeting"][0] == ["Wang Huning", "Vietnam"]  # officials of a country
    (c,) = extract_one(corpus("baomoi-vi", "22257448.txt"))
    assert all(e.start is None for e in c.events if e.type == "visit")


def test_an_undated_report_of_a_recurring_forum_is_dated_by_its_editions_and_the_people():
    """baomoi-vi/22244188.txt names no year, only "dự Diễn đàn cấp cao hợp tác quốc tế “Một vành đai, một con
    đường” từ ngày 11 - 15/5" and President Trần Đại Quang: the forum met in 2017, 2019 and 2023
    (data/happenings.yaml), he held office until 2018, so the visit is of May 2017."""
    from ties.pipeline import extract_file
    from ties.settings import Settings

    (a,) = list(extract_file(corpus("baomoi-vi", "22244188.txt"), Settings.load()))
    assert a.year_hint == 2017
    visit = next(e for e in a.events if e.type == "visit")
    assert (visit.start, visit.end) == ("2017-05-11", "2017-05-15") and visit.date_inferred


def test_a_delegation_nobody_names_is_the_counterpart(extract_one):
    """zaobao-realtime/2024-03-23.json#28: 王毅 meets 越南共产党代表团 whose head the summary cuts off:
    the party is the other side, and the meeting is between the two."""
    recs = {r.source_path.rsplit("#", 1)[-1]: r for r in extract_one(corpus("zaobao-realtime", "2024-03-23.json"))}
    (meeting,) = [e for e in recs["28"].events if e.type == "meeting"]
    assert meeting.participants == ["Wang Yi", "Communist Party of Vietnam"] and meeting.bilateral


def test_a_host_receives_a_visitor_whose_trip_is_under_way(extract_one):
    """baomoi-vi/21510605.txt: "Thủ tướng Nguyễn Xuân Phúc đã tiếp … Bành Thanh Hoa đang có chuyến thăm
    Việt Nam": a meeting of the two, and Peng's trip, begun on a day not said here; "đã sang thăm Việt
    Nam 5 lần" counts trips and is none; "sau chuyến thăm Trung Quốc của Tổng Bí thư Nguyễn Phú
    Trọng" puts Trọng in that trip, not in the spring meeting."""
    (a,) = extract_one(corpus("baomoi-vi", "21510605.txt"))
    got = [(e.type, e.start, tuple(e.participants)) for e in a.events]
    assert ("meeting", "2017-02-10", ("Nguyễn Xuân Phúc", "Peng Qinghua")) in got
    assert ("visit", None, ("Peng Qinghua",)) in got
    assert not any("Nguyễn Phú Trọng" in p for _t, _s, p in got)


def test_a_tour_of_three_countries_gives_no_end_to_one_of_them(extract_one):
    """cctv-xwlb-json/20250419.json#0 "4月14日至18日…对越南、马来西亚、柬埔寨三国进行国事访问": the
    visit to Vietnam starts on the 14th; the 18th ends the tour, not the stay in Vietnam."""
    recs = {r.source_path.rsplit("#", 1)[-1]: r for r in extract_one(corpus("cctv-xwlb-json", "20250419.json"))}
    visit = next(e for e in recs["0"].events if e.type == "visit" and e.participants == ["Xi Jinping"])
    assert (visit.start, visit.end, visit.location) == ("2025-04-14", None, "Vietnam")


def test_arriving_is_no_range():
    """baomoi-vi/22243260.txt "Đúng 12h trưa ngày 11/5, … đã đến Bắc Kinh, bắt đầu chuyến thăm": 'đến'
    here is arriving, not 'until'; the trip starts on the 11th and its end is not said here."""
    from ties.pipeline import extract_file
    from ties.settings import Settings

    (a,) = list(extract_file(corpus("baomoi-vi", "22243260.txt"), Settings.load()))
    visit = next(e for e in a.events if e.type == "visit")
    assert (visit.start, visit.end) == ("2017-05-11", None)
