"""Third round of figure rules, each on a short fictional sentence written for this test.

The patterns come from how real reports give numbers (wire copy, NGO tallies, UN flash
updates, Arabic monitors), never from the evaluation texts. The categories of other figures
follow docs/extract-annotation.md.
"""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document
from dalil.extract.numbers import find_numbers
from dalil.extract.text import prepare


def run(text: str, published: str | None = "2025-06-10") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def casualties(r: dict[str, Any]) -> list[tuple[Any, str, str]]:
    return [(f["value"], f["qualifier"], f["what"]) for f in r["casualty_figures"]]


def others(r: dict[str, Any]) -> list[tuple[Any, str]]:
    return [(f["value"], f["what"]) for f in r["other_figures"]]


def numbers(text: str) -> list[tuple[str, Any, str]]:
    norm = prepare(text).norm
    return [(norm[n.start:n.end], n.value, n.qualifier) for n in find_numbers(norm)]


# -- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("The appeal asks for US$1.2 billion.", [("1.2 billion", 1_200_000_000, "exact")]),
    ("Losses were put at SYP 3bn.", [("3bn", 3_000_000_000, "exact")]),
    ("A donor pledged $4.5m for the clinic.", [("4.5m", 4_500_000, "exact")]),
    ("The wall is 3m high.", [("3", 3, "exact")]),  # metres, no currency before it
    ("He paid a few million Syrian pounds.", [("a few million", 2_000_000, "at_least")]),
    ("خسائر بقيمة ٣ مليار ليرة", [("3 مليار", 3_000_000_000, "exact")]),
    ("قتل أحد عشر رجلاً", [("احد عشر", 11, "exact")]),
    # "over" as a verb's particle is no qualifier
    ("The group handed over 120 prisoners.", [("120", 120, "exact")]),
    ("The army took over 14 villages.", [("14", 14, "exact")]),
    ("Over 14 villages were shelled.", [("Over 14", 14, "more_than")]),
    # upper bounds and round amounts are approximate
    ("fewer than 10 people", [("fewer than 10", 10, "approx")]),
    ("أقل من ١٠ أشخاص", [("اقل من 10", 10, "approx")]),
    ("the 40 or so men", [("40", 40, "approx")]),
    ("two or three men died", [("two or three", (2, 3), "range")]),
    ("قتل ٤ أو ٥ أشخاص", [("4 او 5", (4, 5), "range")]),
    ("half a million people", [("half a million", 500_000, "approx")]),
    ("نزح نصف مليون شخص", [("نصف مليون", 500_000, "approx")]),
])
def test_numbers_round3(text: str, expected: list[tuple[str, Any, str]]) -> None:
    assert numbers(text) == expected


# -- casualty figures ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # those not released are still held
    ("Police detained 30 students on Monday. The governor said all but four had been released "
     "by Wednesday.", [(30, "exact", "detained"), (4, "exact", "detained")]),
    # a partitive with its own verb after it, or a verb before it
    ("The clinic treated about 500 people for burns, 12 of whom died.",
     [(500, "approx", "injured"), (12, "exact", "killed")]),
    ("Gunmen abducted 20 farm workers; the fate of six of them is still unknown.",
     [(20, "exact", "missing"), (6, "exact", "missing")]),
    # a partitive whose whole is a noun earlier in the sentence
    ("The wounded were taken to Idlib, and three of them are in critical condition.",
     [(3, "exact", "injured")]),
    ("نُقل المصابون إلى مشفى المدينة، وحالة ثلاثة منهم حرجة.", [(3, "exact", "injured")]),
    # burying and dying
    ("We buried 17 neighbours in the orchard that night.", [(17, "exact", "killed")]),
    ("She saw three men in the cell die after the beatings.", [(3, "exact", "killed")]),
    ("Volunteers said hospitals received some 900 patients with breathing problems.",
     [(900, "approx", "injured")]),
    # the number of bodies put at N
    ("A medic put the number of bodies recovered at 22.", [(22, "exact", "killed")]),
    # held with others
    ("He was held in a basement with about 40 other men for a month.",
     [(40, "approx", "detained")]),
    # displaced in the words of refugee reporting
    ("Nearly 12,000 people crossed into Jordan in a week.", [(12000, "approx", "displaced")]),
    ("Some 3,000 residents who had been forced out of the town returned.",
     [(3000, "approx", "displaced")]),
    ("هُجّر أكثر من ٥٠ ألفاً من سكان البلدة.", [(50000, "more_than", "displaced")]),
    # an aside between the count and its verb
    ("Nearly 8,000 people, most of them women and children from the villages east of the "
     "river, crossed into Iraq that week.", [(8000, "approx", "displaced")]),
    # lost relatives (not territory)
    ("Abu Omar lost four members of his family in the strike.", [(4, "exact", "killed")]),
    # the number of the killed has risen to N (Arabic: the counted people before the verb)
    ("ارتفع عدد المدنيين الذين قتلوا في القصف على البلدة منذ صباح الأحد إلى ١٩ مدنياً، بينهم "
     "٥ أطفال و٣ نساء.", [(19, "exact", "killed"), (5, "exact", "killed"),
                          (3, "exact", "killed")]),
    # "of which" with the Arabic feminine pronoun: a part of the count before it
    ("سجلنا ٨٠ حالة اعتقال، نفذت الشرطة منها ٣٠ حالة.",
     [(80, "exact", "detained"), (30, "exact", "detained")]),
])
def test_casualty_figures_round3(text: str, expected: list[tuple[Any, str, str]]) -> None:
    assert casualties(run(text)) == expected


@pytest.mark.parametrize("text", [
    "The army lost 3 villages in the counter-attack.",
    "Two other former detainees described the same cell.",
    "In one case, a teacher was questioned for hours.",
    "قُتل ثلاثة مدنيين من عائلة واحدة.",
    "He spoke to four witnesses, including a nurse who treated the wounded.",
])
def test_not_casualty_counts(text: str) -> None:
    r = run(text)
    # only the count the sentence is about, nothing from the trap
    assert not [f for f in r["casualty_figures"] if f["value"] in (1, 2, 3, 4)
                and f["surface"].lower() not in ("ثلاثه", "ثلاثة")]


def test_list_item_numbers_are_no_figures() -> None:
    r = run("The council asks for:\n1. Clearing of mines, which wounded 6 children;\n"
            "2. Repair of 4 schools.")
    assert casualties(r) == [(6, "exact", "injured")]
    assert others(r) == [(4, "buildings")]


# -- other figures ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # households are counted as households (annotation guide), also when they fled
    ("About 2,500 families fled the camp after the shelling.", [(2500, "families")]),
    ("نزحت عشرات العائلات من القرية باتجاه المدينة.", [(20, "families")]),
    ("The strike cut gas to thousands of households.", [(2000, "families")]),
    # things never count people, whatever the clause says later
    ("Militiamen burned 40 houses whose owners had fled.", [(40, "buildings")]),
    ("نهب المسلحون عشرات المنازل التي هُجّر أصحابها.", [(20, "buildings")]),
    ("أحرقوا بيتين وسيارة.", [(2, "buildings")]),
    # Arabic counted nouns
    ("تلقى المكتب أكثر من ٩٠ شكوى خلال شهر.", [(90, "complaints")]),
    ("وثقنا ١٥ حادثة اعتداء على منشآت مدنية، بينها ٤ مدارس ومنشأة طبية واحدة.",
     [(15, "incidents"), (4, "buildings"), (1, "buildings")]),
    ("التهمت النيران أكثر من ٣٠٠ شجرة.", [(300, "trees")]),
    ("فرضوا إتاوة قدرها خمسة دولارات على كل شجرة.", [(5, "money")]),
    ("وبلغت قيمة الأضرار نحو ٧ ملايين دولار.", [(7_000_000, "money")]),
    ("دمرت الغارات ٣ مشافٍ و٤ مدارس.", [(3, "buildings"), (4, "buildings")]),
    # money in its own unit
    ("The plan requests US$2 billion.", [(2_000_000_000, "money")]),
    ("Repairs are estimated at 3.5 million US dollars.", [(3_500_000, "money")]),
    ("Ransoms rose to tens of thousands of dollars.", [(20_000, "money")]),
    # armed men are fighters; residents named first are not
    ("About six armed men in civilian clothes raided the flat.", [(6, "fighters")]),
    ("The force numbers around 30,000 fighters.", [(30_000, "fighters")]),
    # population in other words
    ("Roughly 20,000 Circassians live in the province.", [(20_000, "population")]),
    ("The town's population, estimated at 45,000 before the war, has halved.",
     [(45_000, "population")]),
    ("The agency delivered flour for some 60,000 people.", [(60_000, "population")]),
    # people who speak are counted as what they are
    ("Investigators interviewed 14 witnesses in Gaziantep.", [(14, "witnesses")]),
])
def test_other_figures_round3(text: str, expected: list[tuple[Any, str]]) -> None:
    r = run(text)
    assert others(r) == expected
    assert not r["casualty_figures"]


# -- figures across sentences ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # another estimate of the count just given
    ("Activists said 25 people were killed in the raid. A local doctor put the figure at "
     "nearly 30.", [(25, "exact", "killed"), (30, "approx", "killed")]),
    ("The monitor recorded 14 abductions in March; a rival network gave a higher figure of "
     "19 cases.", [(14, "exact", "missing"), (19, "exact", "missing")]),
    # a definite count refers back to one already given: counted once
    ("Gunmen shot dead five shepherds near the village on Monday. The five men, two of them "
     "brothers, were killed at close range, a relative said.",
     [(5, "exact", "killed"), (2, "exact", "killed")]),
    # the items of a list under a header that names what they count
    ("The group documented 70 civilian deaths in May. The deaths were distributed as follows:\n"
     "- Government forces: 40 civilians, including 9 children.\n- Other parties: 30 civilians.",
     [(70, "exact", "killed"), (40, "exact", "killed"), (9, "exact", "killed"),
      (30, "exact", "killed")]),
    ("وثقت الرابطة مقتل ٣٣ مدنياً. وتوزعت حصيلة الضحايا على النحو التالي:\n"
     "- قرية الصفصافة: ٢٠ مدنياً، بينهم ٤ أطفال.\n- بلدة الحمرا: ١٣ مدنياً.",
     [(33, "exact", "killed"), (20, "exact", "killed"), (4, "exact", "killed"),
      (13, "exact", "killed")]),
])
def test_figures_across_sentences(text: str, expected: list[tuple[Any, str, str]]) -> None:
    assert casualties(run(text)) == expected


def test_a_headline_under_a_page_name_repeats_the_body() -> None:
    r = run("Rights Monitor of Idlib\nUpdate | Toll of executions in Jisr al-Shughur rises to 23\n\n"
            "The monitor said on Sunday that the number of civilians executed in the town since "
            "Friday had risen to 23, including 4 children.")
    assert casualties(r) == [(23, "exact", "killed"), (4, "exact", "killed")]


def test_arabic_number_of_the_executed_has_risen() -> None:
    r = run("وثقت الرابطة ارتفاع عدد الذين جرى إعدامهم ميدانياً في ريف المدينة منذ يوم الجمعة "
            "إلى ٢٣ مدنياً.")
    assert casualties(r) == [(23, "exact", "killed")]


def test_a_list_under_a_header_without_a_casualty_word_is_not_casualties() -> None:
    r = run("The aid convoy carried the following:\n- Flour: 40 tonnes.\n- Tents: 300 units.")
    assert casualties(r) == []


# -- disclaimers covering figures ------------------------------------------------------------


def claim_hedged(r: dict[str, Any], piece: str) -> bool:
    return next(c["hedged"] for c in r["claims"] if piece in c["text"])


def test_a_disclaimer_introducing_a_list_covers_what_follows() -> None:
    r = run("BEIRUT, May 3 (Wire) - Following are incidents reported in Daraa province this week. "
            "The Wire could not independently verify the accounts.\n\n"
            "* MAY 1 - NAWA: Gunmen shot dead 4 men at a checkpoint, activists said.\n\n"
            "* MAY 2 - TAFAS: Security forces detained about 20 men, residents said.")
    assert claim_hedged(r, "shot dead 4 men")
    assert claim_hedged(r, "detained about 20 men")
    assert all(f["hedged"] for f in r["casualty_figures"])


def test_a_disclaimer_paragraph_covers_figures_and_accounts_before_it() -> None:
    r = run("The monitor said 120 people had been killed in the town since Thursday.\n\n"
            "A farmer said gunmen went from house to house and took the men outside.\n\n"
            "Another resident said his brother's shop was burned. He left with his children.\n\n"
            "A teacher said she hid in the school for two nights.\n\n"
            "The Observer could not independently verify these figures and accounts.")
    assert claim_hedged(r, "120 people had been killed")
    assert claim_hedged(r, "went from house to house")
    assert r["casualty_figures"][0]["hedged"]


def test_a_disclaimer_of_accounts_leaves_figures_alone() -> None:
    r = run("The lawyer said his office had received 80 complaints of this kind in two months.\n\n"
            "A widow said armed men took over her flat and changed the lock while she was away.\n\n"
            "The paper could not independently verify all the accounts it gathered.")
    assert claim_hedged(r, "took over her flat")
    assert not claim_hedged(r, "80 complaints")


@pytest.mark.parametrize("disclaimer", [
    "It was not possible to independently verify the toll.",
    "The agency has not been able to verify the figure.",
])
def test_more_ways_to_say_a_toll_cannot_be_verified(disclaimer: str) -> None:
    r = run("Activists said 31 people were killed in the shelling. " + disclaimer)
    assert r["casualty_figures"][0]["hedged"]


@pytest.mark.parametrize(("text", "expected"), [
    # what happened to people held: the harm verb after the status noun
    ("Up to 40 detainees may have died under torture at the branch, a defector said.",
     [(40, "approx", "killed")]),
    ("قضى ١٤ معتقلاً تحت التعذيب خلال الشهر الماضي.", [(14, "exact", "killed")]),
    ("The rebels said they had killed 20 soldiers and captured 7 others.",
     [(20, "exact", "killed"), (7, "exact", "detained")]),
    ("اختطف مسلحون مجهولون أربعة أشخاص على طريق المطار.", [(4, "exact", "missing")]),
    ("اعتقل عناصر الأمن خمسة شبان من الحي.", [(5, "exact", "detained")]),
    ("استشهد شاب وأصيب آخران برصاص قناص.", [(2, "exact", "injured")]),
    ("بلغ عدد النازحين في المخيمات أكثر من مليون ونصف المليون شخص.",
     [(1_500_000, "more_than", "displaced")]),
    # those released are not counted
    ("Only 3 of the 25 abducted farmers have been freed so far.",
     [(25, "exact", "missing")]),
    # suspects arrested for a crime are no victims (round 4: law enforcement, an `other`
    # figure, see docs/extract-annotation.md)
    ("Police said three suspects had been arrested.", []),
])
def test_casualty_figures_round3_more(text: str, expected: list[tuple[Any, str, str]]) -> None:
    assert casualties(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The committee identified 120 suspects.", [(120, "suspects")]),
    ("The militia seized 20 cars from the village.", [(20, "vehicles")]),
    ("SANA said 2,000 pounds of explosives had been seized.", [(2000, "weight")]),
])
def test_other_figures_round3_more(text: str, expected: list[tuple[Any, str]]) -> None:
    r = run(text)
    assert others(r) == expected
    assert not r["casualty_figures"]


def test_a_duration_after_a_verb_is_no_count() -> None:
    r = run("He was detained for 3 days in the branch.")
    assert r["casualty_figures"] == [] and r["other_figures"] == []


@pytest.mark.parametrize("text", [
    "Two thirds of the victims were women and children, the monitor said.",
    "One in five children in the camp has lost a parent.",
    "A second strike, 15 minutes later, hit the rescuers.",
])
def test_fractions_ratios_and_minutes_are_no_counts(text: str) -> None:
    r = run(text)
    assert r["casualty_figures"] == [] and r["other_figures"] == []


def test_taken_by_men_and_never_seen_again_is_missing() -> None:
    r = run("Umm Ali, 58, said her three sons were taken by men in uniform in 2014 and have not "
            "been seen since.")
    assert casualties(r) == [(3, "exact", "missing")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The network put the number of civilians and unarmed men killed by the militias in the "
     "district at 412 for the week.", [(412, "exact", "killed")]),
    ("قال مصدر طبي إن بين الجرحى حالتين حرجتين.", [(2, "exact", "injured")]),
    ("أوقفوه على الحاجز وأخذوه مع شابين آخرين من الحي.", [(2, "exact", "detained")]),
])
def test_casualty_figures_round3_long_and_arabic(text: str,
                                                 expected: list[tuple[Any, str, str]]) -> None:
    assert casualties(run(text)) == expected


def test_people_interviewed_are_other_figures() -> None:
    r = run("Over four weeks our researchers interviewed 52 people, including survivors.")
    assert others(r) == [(52, "people")]
    assert casualties(r) == []


def test_ages_of_children_and_one_family_are_no_counts() -> None:
    r = run("The victims came from one family; the youngest of the dead was a boy of about 12.")
    assert casualties(r) == []


def test_a_counted_noun_keeps_its_modifier() -> None:
    r = run("Helicopters dropped 6 barrel bombs on the town.")
    assert others(r) == [(6, "barrel bombs")]


def test_a_release_in_the_next_clause_does_not_drop_the_missing() -> None:
    r = run("خطف المسلحون ٢٠ مزارعاً، ولا يزال مصير ٨ منهم مجهولاً، فيما أفرج عن الباقين.")
    assert casualties(r) == [(20, "exact", "missing"), (8, "exact", "missing")]


def test_levantine_numbers_and_duals_in_posts() -> None:
    r = run("فاتوا عالبيت وقتلوا زلمتين وسرقوا السيارة.")
    assert casualties(r) == [(2, "exact", "killed")] and others(r) == []
    r = run("عيلة كاملة انقتلت بالبيت، الأم وتلات ولاد.")
    assert casualties(r) == [(3, "exact", "killed")]


@pytest.mark.parametrize(("text", "expected"), [
    ("A military court sentenced 9 men to death in absentia.", []),
    ("Some 2,000 detainees were released under the amnesty.", []),
    ("Gunmen killed 3 men and released 10 others.", [(3, "exact", "killed")]),
    ("More than 80 people were treated for breathing problems.", [(80, "more_than", "injured")]),
])
def test_sentences_releases_and_treatment(text: str, expected: list[tuple[Any, str, str]]) -> None:
    assert casualties(run(text)) == expected


def test_people_in_need_are_a_population() -> None:
    assert others(run("Aid agencies say 4.1 million people need assistance in the northwest.")) \
        == [(4_100_000, "population")]


# -- a figure's own source --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال المرصد إن ١٥ شخصاً قتلوا، في حين قالت وزارة الصحة إن عدد القتلى بلغ ٩.",
     [(15, "المرصد"), (9, "وزارة الصحة")]),
    ("Local activists said 40 people were executed, but the figure could not be verified, "
     "while the army said 6 gunmen were killed.", [(40, "Local activists"), (6, "the army")]),
])
def test_each_figure_has_its_clauses_source(text: str, expected: list[tuple[Any, str]]) -> None:
    r = run(text)
    assert [(f["value"], f["attributed_to"]) for f in r["casualty_figures"]] == expected


def test_a_figure_takes_the_doubt_of_its_own_clause() -> None:
    r = run("Local activists said 40 people were executed, but the figure could not be verified, "
            "while the army said 6 gunmen were killed.")
    assert [f["hedged"] for f in r["casualty_figures"]] == [True, False]


@pytest.mark.parametrize(("text", "expected"), [
    # two counts, one verb
    ("Government shelling killed 6 soldiers and 3 rebels near the town.",
     [(6, "exact", "killed"), (3, "exact", "killed")]),
    ("سجّل المرصد مقتل ٩ عناصر من قوات النظام و٥ من الفصائل في اشتباكات.",
     [(9, "exact", "killed"), (5, "exact", "killed")]),
    # the second verb wins for the second count
    ("The strike killed 3 people and wounded 9 others.",
     [(3, "exact", "killed"), (9, "exact", "injured")]),
    # "estimated the number of the displaced at"
    ("قدّرت الأمم المتحدة عدد النازحين بأكثر من ٨٠ ألف شخص.",
     [(80_000, "more_than", "displaced")]),
])
def test_coordinated_and_estimated_counts(text: str, expected: list[tuple[Any, str, str]]) -> None:
    assert casualties(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("OCHA said 9,000 people had been newly displaced, bringing the total to 210,000 since May.",
     [(9000, "exact", "displaced"), (210_000, "exact", "displaced")]),
    ("About a dozen men were led away blindfolded.", [(12, "approx", "detained")]),
    ("The agency registered 3,100 new arrivals at the camp last week.",
     [(3100, "exact", "displaced")]),
])
def test_totals_led_away_and_arrivals(text: str, expected: list[tuple[Any, str, str]]) -> None:
    assert casualties(run(text)) == expected


@pytest.mark.parametrize("text", [
    "3/ Local medics say the clinic was hit twice.",
    "He described a cell of about 3 by 4 metres that held the prisoners.",
    "According to two residents we spoke to, the men detained were taken to the airport.",
])
def test_counters_sizes_and_sources_are_no_casualties(text: str) -> None:
    assert casualties(run(text)) == []


def test_a_closing_disclaimer_of_the_tolls_covers_the_whole_report() -> None:
    r = run("A car bomb killed 9 people in the market on Sunday, rescuers said.\n\n"
            "A monitor put the number of wounded at 22.\n\n"
            "Two days earlier a similar bomb killed 4 people in a nearby town. The agency could "
            "not independently verify the tolls.")
    assert [f["hedged"] for f in r["casualty_figures"]] == [True, True, True]


def test_a_disclaimer_of_one_figure_stays_in_its_paragraph() -> None:
    r = run("A car bomb killed 9 people in the market on Sunday, rescuers said.\n\n"
            "Two days earlier a similar bomb killed 4 people in a nearby town. The agency could "
            "not independently verify that toll.")
    assert [f["hedged"] for f in r["casualty_figures"]] == [False, True]


def test_a_cell_with_other_men_counts_the_detained() -> None:
    r = run("They put us in a cell with about 50 other men.")
    assert casualties(r) == [(50, "approx", "detained")]


@pytest.mark.parametrize("text", [
    "Khaled, 41, is married with two children and worked as a driver.",
    "The strike killed a father of five on his way to the bakery.",
    "وهو أب لأربعة أطفال.",
])
def test_a_familys_size_is_no_casualty(text: str) -> None:
    r = run(text)
    assert casualties(r) == []
    assert [w for _v, w in others(r)] == ["children"]


@pytest.mark.parametrize(("text", "expected"), [
    ("عُثر على مقبرة جماعية تضم رفات ما لا يقل عن ٣٠ شخصاً.", [(30, "at_least", "killed")]),
    ("خرج ١٥٠ معتقلاً بموجب مرسوم العفو.", []),
    ("Some 90 detainees walked free under the amnesty.", []),
])
def test_remains_and_releases(text: str, expected: list[tuple[Any, str, str]]) -> None:
    assert casualties(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The victims included 9 men, 3 women and 2 children.",
     [(9, "exact", "killed"), (3, "exact", "killed"), (2, "exact", "killed")]),
    ("Of the 25 detained, 6 were minors.", [(25, "exact", "detained"), (6, "exact", "detained")]),
    ("Of those arrested, 5 were later released.", []),
])
def test_parts_of_a_group_named_first(text: str, expected: list[tuple[Any, str, str]]) -> None:
    assert casualties(run(text)) == expected


def test_labelled_counts_under_a_header_without_bullets() -> None:
    r = run("The network documented the killing of 70 civilians in May.\n"
            "The death toll breaks down by perpetrator as follows:\n"
            "Government forces: 41\nOther parties: 29")
    assert casualties(r) == [(70, "exact", "killed"), (41, "exact", "killed"),
                             (29, "exact", "killed")]


def test_a_ministry_after_another_source_is_a_new_source() -> None:
    r = run("Shelling hit the town on Monday.\n\nThe Observatory said 11 people were killed, while "
            "the ministry claimed that only 3 had died.")
    assert [(f["value"], f["attributed_to"], f["hedged"]) for f in r["casualty_figures"]] == [
        (11, "The Observatory", False), (3, "the ministry", True)]
