"""Topic packs for the realistic re-anchoring corpus: news and blog prose, all fictional, our own words.

A figure line reads ``"shape:amount | measured thing | verb ; synonym ; ..."``:

- shape ``lead``: "{thing} {verb} {amount}" (average rents rose 4.2 percent)
- shape ``share``: "{amount} of {thing} {verb}" (12 percent of homes were damaged)
- shape ``count``: "{amount} {thing} {verb}" (1,240 households lost power)
- shape ``money``: "{actor} {verb} {amount} {preposition} {thing}" (the council set aside $4.5 million
  for repairs); a money verb carries its preposition after a slash ("will spend/on")

Units: pct, count, small (a count under a hundred), money (millions), metres, minutes, days. The first verb is the one written first; the others are what a rewording may put in its place.
Figure lines of one shape and unit are the "similar sentences about another figure" an editor may
swap in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    sources: tuple[str, ...]  # who gives the figures
    actors: tuple[str, ...]  # who spends the money (shape money)
    figures: tuple[str, ...]
    periods: tuple[str, ...]
    headlines: tuple[str, ...]
    remarks: tuple[str, ...]  # things people say, for quoted speech
    speakers: tuple[str, ...]  # who says them: "{person}, {role}"
    background: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic(
        name="floods",
        sources=("the Regional Flood Agency", "the fire service", "the district council", "the agency"),
        actors=("the council", "the regional government", "the flood agency"),
        figures=(
            "share:pct | homes in the river towns | were damaged ; suffered damage ; were hit",
            "share:pct | roads in the district | were closed ; were shut ; were impassable",
            "share:pct | shops on the harbor front | took on water ; were flooded",
            "share:pct | farms in the Selmar valley | were under water ; were flooded",
            "count:count | households | lost power ; were left without power ; had no electricity",
            "count:count | residents | were evacuated ; had to leave their homes ; were moved to shelters",
            "count:count | volunteers | helped fill sandbags ; turned out to fill sandbags",
            "lead:metres | the river at Marrow Point | peaked at ; reached ; rose to",
            "lead:metres | the water in the old harbor district | peaked at ; reached",
            "money:money | emergency repairs | set aside/for ; earmarked/for ; allocated/for",
            "money:money | temporary housing | set aside/for ; earmarked/for ; has promised/for",
            "money:money | new flood walls | set aside/for ; has pledged/for",
        ),
        periods=(
            " on Tuesday night",
            " over the weekend",
            " by Wednesday morning",
            " since the river burst its banks",
            "",
            "",
        ),
        headlines=(
            "Floodwater reaches the old harbor as the river keeps rising",
            "River towns count the cost after a second night of flooding",
            "Evacuations continue in the Selmar valley",
            "Live: the flood, the clean-up and what comes next",
        ),
        remarks=(
            "We have never seen the water come up this fast.",
            "The sandbags held for a while, and then they didn't.",
            "Everything on the ground floor is gone.",
            "People were out in boats before the crews arrived.",
            "We were told the walls would hold for another ten years.",
        ),
        speakers=(
            "who runs a bakery on Pier Street",
            "a fire service spokesperson",
            "who has lived by the river for forty years",
            "the council's emergency planning officer",
        ),
        background=(
            "The district last flooded in 2016, when the same embankment gave way.",
            "Forecasters had warned of heavy rain for most of the week.",
            "Several roads into the town remain closed, and the railway line is suspended.",
            "The clean-up is expected to take months, not weeks.",
            "Insurers say it is too early to estimate the total bill.",
        ),
    ),
    Topic(
        name="housing",
        sources=(
            "the city's housing office",
            "the statistics bureau",
            "the tenants' association",
            "a survey",
        ),
        actors=("the city", "the housing ministry", "the council"),
        figures=(
            "lead:pct | average rents in Bayfield | rose ; climbed ; increased ; went up",
            "lead:pct | house prices in the capital | fell ; dropped ; declined ; slipped",
            "lead:pct | rents for one-bedroom flats | rose ; climbed ; went up",
            "lead:pct | the number of empty homes | fell ; dropped ; declined",
            "share:pct | renters in the city | spend more than a third of their income on rent ; pay over a third of their income in rent",
            "share:pct | new homes | were bought by investors ; went to investors",
            "count:count | families | are on the waiting list for social housing ; are waiting for a council home",
            "count:count | tenants | received eviction notices ; were served eviction notices",
            "money:money | new social housing | will spend/on ; plans to spend/on ; has budgeted/for",
            "money:money | repairs to older blocks | will spend/on ; plans to spend/on",
        ),
        periods=(
            " in the year to March",
            " last year",
            " over the past twelve months",
            " in the third quarter",
            " since January",
            "",
        ),
        headlines=(
            "Rents keep climbing as the waiting list grows",
            "What the new housing figures tell us",
            "Tenants say the city is moving too slowly",
            "Is the housing market finally cooling?",
        ),
        remarks=(
            "Every month the rent goes up and the flat gets smaller.",
            "We are building, but not nearly fast enough.",
            "Landlords have simply stopped answering our letters.",
            "There is no quick fix, and anyone who promises one is guessing.",
        ),
        speakers=(
            "who rents a flat near the station",
            "the city's deputy mayor for housing",
            "who chairs the tenants' association",
            "an economist at Palmara Bank",
        ),
        background=(
            "Construction slowed sharply during the pandemic and has not fully recovered.",
            "The city last set a building target in 2019 and missed it by a wide margin.",
            "Interest rates have risen four times in the past two years.",
            "The figures do not include short-term holiday lets.",
        ),
    ),
    Topic(
        name="transit",
        sources=("Orland Rail", "the Selmar Transit Board", "the transport regulator", "the operator"),
        actors=("the transit board", "the ministry", "Orland Rail"),
        figures=(
            "share:pct | trains on the coastal line | ran late ; arrived late ; were delayed",
            "share:pct | buses in the capital | arrived on time ; ran to schedule",
            "share:pct | scheduled services | were cancelled ; did not run",
            "lead:pct | ridership on the Selmar line | rose ; grew ; climbed",
            "lead:pct | fares on the night buses | rose ; went up ; increased",
            "lead:minutes | the average delay at Norrick | reached ; was ; stood at",
            "count:count | passengers | filed complaints ; complained ; lodged complaints",
            "count:count | drivers | joined the strike ; walked out",
            "money:money | new signalling | will spend/on ; has set aside/for ; plans to spend/on",
            "money:money | station upgrades | will spend/on ; has set aside/for",
        ),
        periods=(" last month", " in the first quarter", " during the strike", " in January", ""),
        headlines=(
            "Commuters face another week of delays",
            "Why your train is late: the numbers",
            "Rail operator promises fewer cancellations by summer",
            "Night bus fares go up again",
        ),
        remarks=(
            "I now leave the house an hour early just in case.",
            "We know the service has not been good enough.",
            "The signals are older than most of our drivers.",
            "Nobody tells you anything on the platform.",
        ),
        speakers=(
            "who commutes from Ashgrove",
            "the operator's chief executive",
            "a union representative",
            "who runs a passenger group on the coastal line",
        ),
        background=(
            "The coastal line was built in the 1890s and has been patched ever since.",
            "A new timetable took effect in December.",
            "The regulator can fine operators that miss their targets two years running.",
            "Engineering works are planned for most weekends in spring.",
        ),
    ),
    Topic(
        name="health",
        sources=("Meridian Health Trust", "the health ministry", "Halden Clinics", "the trust"),
        actors=("the trust", "the health ministry", "the regional government"),
        figures=(
            "lead:days | patients waiting for a scan | waited an average of ; waited on average",
            "lead:days | children referred to a specialist | waited an average of ; waited on average",
            "lead:count | the waiting list for hip operations | stood at ; reached ; grew to",
            "share:pct | patients in the emergency department | were seen within four hours ; were treated within four hours",
            "share:pct | nursing posts | are vacant ; remain unfilled ; are empty",
            "count:count | nurses | left the service ; quit ; resigned",
            "count:count | beds | were closed ; were taken out of use",
            "money:money | a new maternity wing | will spend/on ; has set aside/for ; has budgeted/for",
            "money:money | extra evening clinics | will spend/on ; has set aside/for",
        ),
        periods=(" in March", " last year", " in the winter months", " over the past year", ""),
        headlines=(
            "Waiting times lengthen at regional hospitals",
            "Inside the emergency department on a busy night",
            "Trust admits it is short of nurses",
            "Ministry promises money for a new maternity wing",
        ),
        remarks=(
            "We are doing our best with the staff we have.",
            "My mother waited on a trolley for most of the night.",
            "You cannot fix waiting lists without fixing pay.",
            "The new wing will help, but not before next winter.",
        ),
        speakers=(
            "a nurse at the Ashgrove hospital",
            "the trust's medical director",
            "whose mother was admitted in February",
            "a spokesperson for the health ministry",
        ),
        background=(
            "Demand usually peaks in January, when respiratory infections spread.",
            "The hospital opened in 1972 and was last expanded in 2005.",
            "Agency staff now cover many night shifts.",
            "The ministry has promised a workforce plan by the end of the year.",
        ),
    ),
    Topic(
        name="economy",
        sources=(
            "the statistics bureau",
            "the central bank",
            "the Eastport Chamber of Commerce",
            "officials",
        ),
        actors=("the government", "the finance ministry", "the regional development fund"),
        figures=(
            "lead:pct | unemployment | stood at ; was ; remained at",
            "lead:pct | inflation | stood at ; was ; eased to",
            "lead:pct | average wages | rose ; grew ; increased",
            "lead:pct | factory output | fell ; dropped ; shrank",
            "lead:pct | retail sales | rose ; climbed ; increased",
            "count:count | companies | filed for bankruptcy ; went bust ; collapsed",
            "count:count | jobs | were added ; were created",
            "share:pct | small firms | expect to hire this year ; plan to take on staff this year",
            "share:pct | exporters | reported fewer orders ; saw orders fall",
            "money:money | a fund for small exporters | set aside/for ; earmarked/for ; announced/for",
        ),
        periods=(" in March", " in the first quarter", " last year", " in the year to June", ""),
        headlines=(
            "Jobless rate edges down as hiring picks up",
            "Prices are still rising, just more slowly",
            "Small firms brace for a difficult year",
            "Five charts that explain the economy right now",
        ),
        remarks=(
            "Orders picked up in spring, but margins are still thin.",
            "We are not out of the woods yet.",
            "Customers are buying less and shopping around more.",
            "The numbers are better than we feared.",
        ),
        speakers=(
            "who owns a hardware shop in Dunmere",
            "the bank's chief economist",
            "who chairs the chamber's small business group",
            "a finance ministry official",
        ),
        background=(
            "The central bank has held its main rate steady since the autumn.",
            "Energy costs remain well above their level of three years ago.",
            "The bureau revises its estimates as late tax returns come in.",
            "Tourism had a strong summer, helped by a weak currency.",
        ),
    ),
    Topic(
        name="schools",
        sources=("Brightfield Schools", "the education department", "the teachers' union", "the exam board"),
        actors=("the district", "the education department", "the council"),
        figures=(
            "share:pct | pupils | passed the final maths exam ; passed the maths exam",
            "share:pct | schools in the district | reported a shortage of teachers ; were short of teachers",
            "share:pct | classrooms | lack proper ventilation ; have no proper ventilation",
            "lead:pct | enrollment in the district | fell ; dropped ; declined",
            "lead:small | the average class size | rose to ; grew to ; reached",
            "count:count | teaching posts | remain vacant ; are still unfilled",
            "count:count | pupils | were sent home ; missed lessons",
            "money:money | new school buses | will spend/on ; has set aside/for",
            "money:money | repairs to school roofs | will spend/on ; has set aside/for ; has budgeted/for",
        ),
        periods=(" this year", " last term", " since 2020", " in the spring term", ""),
        headlines=(
            "Schools struggle to fill teaching posts",
            "Exam results: what changed this year",
            "Parents want answers about leaking roofs",
            "The district's plan for smaller classes",
        ),
        remarks=(
            "We have three classes sharing one supply teacher.",
            "The children deserve better than buckets under the roof.",
            "Results went up, and the staff should be proud of that.",
            "Nobody wants to teach in a building that is falling apart.",
        ),
        speakers=(
            "a head teacher in Ashgrove",
            "whose son is in his final year",
            "the union's regional secretary",
            "the district's superintendent",
        ),
        background=(
            "Many of the district's buildings date from the 1960s.",
            "Teacher training places were cut a decade ago.",
            "The exam format changed two years ago, making comparisons harder.",
            "The school year starts in the first week of September.",
        ),
    ),
)

# Reworded stock words for sentences that are not figures (a rewording of the clause around a quote).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("added", "explained", "told us", "insisted"),
    "told": ("informed", "assured"),
    "expected": ("likely", "due"),
    "months": ("many months",),
    "remain": ("are still", "stay"),
    "several": ("a number of", "some"),
    "sharply": ("steeply", "markedly"),
    "usually": ("typically", "normally"),
    "weeks": ("a few weeks",),
    "many": ("most", "several"),
    "warned": ("cautioned",),
    "promised": ("pledged", "vowed"),
    "planned": ("scheduled", "pencilled in"),
    "last": ("previously",),
    "simply": ("just",),
    "now": ("currently", "these days"),
    "very": ("really", "extremely"),
    "early": ("sooner",),
    "difficult": ("hard", "tough"),
    "strong": ("good", "busy"),
}

SAYS = ("said", "told reporters", "reported", "estimated", "confirmed")
SAYS_AFTER = ("said", "reported", "estimated", "confirmed", "said in a statement")
DAYS = (" on Monday", " on Tuesday", " on Thursday", " this week", " last week", "", "")
MONEY_PERIODS = (" this year", " next year", " over five years", " for the coming year", "", "")
HEDGES = ("about", "nearly", "almost", "roughly", "some", "more than", "an estimated", "at least")
TAILS = (
    ", the highest figure since 2016",
    ", well above the national average",
    ", roughly double the figure for 2021",
    ", a figure the opposition called alarming",
    ", though the estimate may still change",
    ", the lowest level in a decade",
)
TRANSITIONS = (
    "It is not the first time.",
    "Not everyone agrees.",
    "The details matter here.",
    "That may change quickly.",
    "Here is what we know so far.",
    "Others are less sure.",
    "The reaction was swift.",
    "Critics were not convinced.",
)
BLOG_LINES = (
    "I spent most of Saturday reading the report so you don't have to.",
    "A few readers wrote in after last week's post, so here is a follow-up.",
    "I have been following this story for a while, and a few things stand out.",
    "Let me start with the number everyone is quoting.",
    "This is where it gets interesting.",
    "I asked around, and the answers were mixed.",
)
SUBHEADINGS = (
    "What the numbers say",
    "Why it matters",
    "What happens next",
    "The bigger picture",
    "How we got here",
    "What officials say",
)
UPDATE_BOXES = (
    "Update, {date}, {time}: This article has been updated with revised figures from {source}.",
    "UPDATE ({weekday} evening): {Source} has since said it will publish a full report next month.",
    "Editor's note: An earlier version of this story gave the wrong date for the council vote. It has been corrected.",
    "Update, {date}: This story has been updated to include comments from {person}.",
    "Correction, {date}: A previous version of this article misstated the name of {source}'s spokesperson.",
    "Update {time}: We are updating this page as new information comes in. Scroll down for the latest.",
)
CLOSINGS = (
    "This story will be updated.",
    "Reporting by {person}; editing by {person2}.",
    "Read more: our coverage of the previous year's figures.",
    "{person} contributed reporting.",
    "Have a question about this story? Write to us and we will try to answer it.",
)
DATES = ("4 March", "5 March", "12 June", "30 September", "2 November", "14 January")
TIMES = ("09:12", "10:45", "13:30", "16:05", "18:40", "21:15")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
