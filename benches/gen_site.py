#!/usr/bin/env python3
# Origin: torget's own benchmark generator, kept beside the benchmark that runs it
# (benches/build.rs builds its Hugo site with it). Also writes a Zola site.
"""Generate a deterministic bilingual (Swedish/English) municipal-information site
for benchmarking static site generators.

    python3 gen_site.py N {zola|hugo} OUTDIR [--seed S] [--hugo-modern]

N is the total number of article pages: N/2 Swedish articles plus N/2 English
translations (paired by file name).  Every article has YAML front matter
(title, date, summary, tags) and ~600-900 words of Markdown: headings,
paragraphs with å/ä/ö, bullet and numbered lists, a table, a block quote and
three internal links to other articles (native internal-link syntax of each
tool, so both resolve/validate them).

Each language gets: a home page (10 latest articles), one paginated section
listing (10 per page), a `tags` taxonomy with a terms page and paginated term
pages (10 per page), RSS feeds (home, section, each term; 20 items, custom
identical-content template), and a sitemap (built in).

Layout per tool:
  zola: content/artiklar/art-00001.md (sv, default) + art-00001.en.md,
        `languages.en` in config.toml, Tera templates.
  hugo: content/artiklar/art-00001.sv.md + art-00001.en.md (translation by
        file name), `languages.sv`/`languages.en` in config.toml, Go templates.
        --hugo-modern writes `pagination.pagerSize` / `services.rss.limit` /
        `label` instead of the older `paginate` / `rssLimit` / `languageName`.
"""
import argparse
import datetime
import os
import random
import shutil
import sys

# ---------------------------------------------------------------------------
# Vocabulary: (sv, en) pairs so that a translation is a real parallel text.
# ---------------------------------------------------------------------------
TOPICS = [
    ("avfallshantering", "waste management"),
    ("bygglov", "building permits"),
    ("förskola", "preschool"),
    ("äldreomsorg", "elderly care"),
    ("grundskola", "primary school"),
    ("kollektivtrafik", "public transport"),
    ("parkering", "parking"),
    ("vatten och avlopp", "water and sewage"),
    ("snöröjning", "snow clearance"),
    ("bibliotek", "libraries"),
    ("idrottsanläggningar", "sports facilities"),
    ("miljötillsyn", "environmental inspection"),
    ("folkhälsa", "public health"),
    ("näringslivsutveckling", "business development"),
    ("bostadsförsörjning", "housing supply"),
    ("gatubelysning", "street lighting"),
    ("kulturskola", "arts school"),
    ("ekonomiskt bistånd", "financial assistance"),
    ("krisberedskap", "emergency preparedness"),
    ("detaljplanering", "zoning"),
    ("färdtjänst", "mobility service"),
    ("gymnasieskola", "upper secondary school"),
    ("fritidsgårdar", "youth centres"),
    ("livsmedelskontroll", "food inspection"),
    ("energirådgivning", "energy advice"),
    ("cykelvägar", "cycle paths"),
    ("badplatser", "public beaches"),
    ("integration", "integration"),
    ("vuxenutbildning", "adult education"),
    ("lantmäteri", "land surveying"),
]

PLACES = [
    "Västerås", "Örebro", "Jönköping", "Gävle", "Umeå", "Luleå", "Malmö",
    "Växjö", "Borås", "Södertälje", "Norrköping", "Skövde", "Härnösand",
    "Östersund", "Älmhult", "Ängelholm", "Åre", "Kalmar", "Mölndal", "Sundsvall",
]

ASPECTS = [
    ("nya regler från {year}", "new rules from {year}"),
    ("så ansöker du", "how to apply"),
    ("frågor och svar", "questions and answers"),
    ("årsrapport {year}", "annual report {year}"),
    ("ändrade öppettider", "changed opening hours"),
    ("avgifter och taxor {year}", "fees and charges {year}"),
    ("resultat av medborgardialogen", "results of the citizen dialogue"),
    ("planerade förbättringar", "planned improvements"),
    ("statistik och uppföljning", "statistics and follow-up"),
    ("information till nyinflyttade", "information for new residents"),
]

HEADINGS = [
    ("Bakgrund", "Background"),
    ("Vad gäller för dig?", "What applies to you?"),
    ("Så går det till", "How it works"),
    ("Avgifter", "Fees"),
    ("Handläggningstider", "Processing times"),
    ("Statistik", "Statistics"),
    ("Kontakta oss", "Contact us"),
    ("Vanliga frågor", "Frequently asked questions"),
    ("Tidplan", "Timeline"),
    ("Ansvar och roller", "Responsibilities and roles"),
    ("Tillgänglighet", "Accessibility"),
    ("Överklagande", "Appeals"),
    ("Miljö och hållbarhet", "Environment and sustainability"),
    ("Uppföljning", "Follow-up"),
]

TAGS = [
    ("miljö", "environment"), ("trafik", "traffic"), ("skola", "school"),
    ("omsorg", "care"), ("bygga och bo", "building and housing"),
    ("kultur", "culture"), ("fritid", "leisure"), ("näringsliv", "business"),
    ("säkerhet", "safety"), ("hälsa", "health"), ("demokrati", "democracy"),
    ("ekonomi", "economy"), ("digitalisering", "digitalisation"),
    ("återvinning", "recycling"), ("energi", "energy"), ("vatten", "water"),
    ("äldre", "older people"), ("barn och unga", "children and youth"),
    ("arbete", "employment"), ("tillstånd", "permits"), ("avgifter", "fees"),
    ("öppettider", "opening hours"), ("landsbygd", "countryside"),
    ("stadsutveckling", "urban development"), ("klimat", "climate"),
    ("natur", "nature"), ("idrott", "sport"), ("bibliotek", "library"),
    ("utbildning", "education"), ("socialtjänst", "social services"),
    ("krisberedskap", "emergency preparedness"), ("turism", "tourism"),
    ("föreningsliv", "associations"), ("tillgänglighet", "accessibility"),
    ("budget", "budget"), ("samråd", "consultation"), ("val", "elections"),
    ("gator och vägar", "streets and roads"), ("parker", "parks"),
    ("statistik", "statistics"),
]

# Sentence templates (sv, en). Slots: {topic} {place} {n} {d} {pct} {year} {month}
SENTENCES = [
    ("Kommunen ansvarar för {topic} och arbetar löpande med att förbättra servicen för alla som bor i {place}.",
     "The municipality is responsible for {topic} and continuously works to improve the service for everyone living in {place}."),
    ("Under {year} kom det in {n} ärenden, vilket är {pct} procent fler än året innan.",
     "During {year}, {n} cases were received, which is {pct} percent more than the year before."),
    ("Du kan läsa mer om vad som gäller på kommunens webbplats eller kontakta kundtjänst på vardagar.",
     "You can read more about the rules on the municipality's website or contact customer service on weekdays."),
    ("Beslutet fattades av kommunfullmäktige i {month} efter en längre tids utredning och samråd med berörda föreningar.",
     "The decision was taken by the municipal council in {month} after a long investigation and consultation with the associations concerned."),
    ("Målet är att handläggningstiden för {topic} ska vara högst {d} dagar från det att ansökan är komplett.",
     "The goal is that the processing time for {topic} should be at most {d} days from the time the application is complete."),
    ("Många invånare i {place} har efterfrågat tydligare information om hur {topic} fungerar i praktiken.",
     "Many residents of {place} have asked for clearer information about how {topic} works in practice."),
    ("Det är viktigt att ansökan är fullständig, annars kan handläggningen försenas med flera veckor.",
     "It is important that the application is complete, otherwise processing may be delayed by several weeks."),
    ("Avgiften beräknas enligt den taxa som fullmäktige har beslutat om och justeras årligen med {pct} procent.",
     "The fee is calculated according to the rates decided by the council and is adjusted annually by {pct} percent."),
    ("Förändringen gäller från och med den första {month} {year} och berör ungefär {n} hushåll.",
     "The change applies from the first of {month} {year} and affects about {n} households."),
    ("Kommunens medarbetare samarbetar med regionen, Länsstyrelsen och närliggande kommuner för att säkerställa en god kvalitet.",
     "The municipality's staff cooperate with the region, the County Administrative Board and neighbouring municipalities to ensure good quality."),
    ("Om du är missnöjd med ett beslut kan du överklaga det till förvaltningsrätten inom tre veckor.",
     "If you are dissatisfied with a decision you can appeal it to the administrative court within three weeks."),
    ("Särskilt fokus läggs på barn, äldre och personer med funktionsnedsättning, som ofta påverkas mest av förändringar inom {topic}.",
     "Particular focus is placed on children, older people and people with disabilities, who are often most affected by changes in {topic}."),
    ("Enligt den senaste mätningen är {pct} procent av de tillfrågade nöjda eller mycket nöjda med kommunens arbete.",
     "According to the latest survey, {pct} percent of respondents are satisfied or very satisfied with the municipality's work."),
    ("Arbetet finansieras huvudsakligen genom kommunalskatten, men även statliga bidrag och avgifter bidrar.",
     "The work is mainly financed by municipal tax, but state grants and fees also contribute."),
    ("På sikt vill kommunen att fler tjänster ska kunna skötas digitalt, dygnet runt, via e-tjänster och Mina sidor.",
     "In the long term the municipality wants more services to be handled digitally, around the clock, via e-services and My pages."),
    ("Ett öppet möte hålls i stadshuset i {place} där du kan ställa frågor direkt till ansvariga politiker och tjänstepersoner.",
     "An open meeting will be held at the town hall in {place} where you can ask questions directly to responsible politicians and officials."),
    ("Tänk på att vissa åtgärder kräver anmälan även om de inte kräver bygglov eller annat tillstånd.",
     "Remember that some measures require notification even if they do not require a building permit or another permit."),
    ("Under vintern kan det uppstå förseningar på grund av snö, halka och höga flöden i vattendragen runt {place}.",
     "During winter there may be delays due to snow, ice and high water levels in the watercourses around {place}."),
    ("Kommunstyrelsen följer upp verksamheten två gånger per år och redovisar resultatet i årsredovisningen.",
     "The municipal executive board follows up the activities twice a year and reports the results in the annual report."),
    ("Synpunkter och klagomål tas emot av kontaktcenter och besvaras normalt inom {d} arbetsdagar.",
     "Comments and complaints are received by the contact centre and are normally answered within {d} working days."),
    ("Fler än {n} personer deltog i enkäten, som genomfördes både på svenska och på lätt svenska.",
     "More than {n} people took part in the survey, which was carried out both in Swedish and in easy-to-read Swedish."),
    ("Den nya riktlinjen för {topic} ersätter den tidigare från {year} och är anpassad till ändrad lagstiftning.",
     "The new guideline for {topic} replaces the previous one from {year} and is adapted to changed legislation."),
    ("Vid frågor om personuppgifter kan du vända dig till kommunens dataskyddsombud.",
     "If you have questions about personal data you can contact the municipality's data protection officer."),
    ("Närmare {pct} procent av budgeten för {topic} går till löpande drift och underhåll.",
     "Almost {pct} percent of the budget for {topic} goes to day-to-day operation and maintenance.",),
    ("Översiktsplanen pekar ut {place} som ett område där både bostäder, service och grönområden ska växa fram.",
     "The comprehensive plan identifies {place} as an area where housing, services and green spaces should develop."),
    ("Även små förändringar i vardagen, som att sortera matavfall eller välja cykel, gör skillnad på lång sikt.",
     "Even small everyday changes, such as sorting food waste or choosing to cycle, make a difference in the long term."),
]

LIST_ITEMS = [
    ("personnummer eller organisationsnummer", "personal identity number or company registration number"),
    ("en situationsplan i skala 1:500", "a site plan at a scale of 1:500"),
    ("fullmakt om någon annan ansöker åt dig", "a power of attorney if someone else applies on your behalf"),
    ("kontaktuppgifter till ansvarig handläggare", "contact details of the responsible case officer"),
    ("beskrivning av åtgärden och dess påverkan på miljön", "a description of the measure and its impact on the environment"),
    ("uppgifter om fastighetsbeteckning", "the property designation"),
    ("intyg från läkare vid behov av särskilt stöd", "a medical certificate if special support is needed"),
    ("kvitto på betald avgift", "a receipt for the paid fee"),
    ("ritningar över plan, fasad och sektion", "drawings of plan, facade and section"),
    ("önskat startdatum och eventuell sluttid", "the desired start date and any end date"),
    ("yttrande från grannar som berörs", "statements from affected neighbours"),
    ("underskrift av samtliga ägare", "signatures of all owners"),
]

STEPS = [
    ("Fyll i e-tjänsten och bifoga alla handlingar.", "Fill in the e-service and attach all documents."),
    ("Kommunen skickar en bekräftelse via e-post.", "The municipality sends a confirmation by e-mail."),
    ("En handläggare granskar ansökan och begär eventuella kompletteringar.", "A case officer reviews the application and requests any additions."),
    ("Beslutet skickas till dig och publiceras i Post- och Inrikes Tidningar vid behov.", "The decision is sent to you and published in the official gazette if required."),
    ("Du betalar avgiften när du har fått fakturan.", "You pay the fee once you have received the invoice."),
    ("Arbetet får påbörjas när startbesked har lämnats.", "Work may begin once start clearance has been given."),
]

QUOTES = [
    ("Vi vill att det ska vara enkelt att göra rätt, oavsett var i kommunen man bor.",
     "We want it to be easy to do the right thing, wherever you live in the municipality."),
    ("Dialogen med invånarna är avgörande för att vi ska kunna prioritera rätt.",
     "Dialogue with residents is crucial for us to be able to set the right priorities."),
    ("Det här är ett viktigt steg mot en mer hållbar och tillgänglig kommun.",
     "This is an important step towards a more sustainable and accessible municipality."),
]

MONTHS = [
    ("januari", "January"), ("februari", "February"), ("mars", "March"),
    ("april", "April"), ("maj", "May"), ("juni", "June"), ("juli", "July"),
    ("augusti", "August"), ("september", "September"), ("oktober", "October"),
    ("november", "November"), ("december", "December"),
]

TABLE_HEAD = [
    ("| År | Antal ärenden | Handläggningstid (dagar) | Andel nöjda |",
     "| Year | Number of cases | Processing time (days) | Share satisfied |"),
    ("| År | Kostnad (tkr) | Intäkter (tkr) | Nettokostnad (tkr) |",
     "| Year | Cost (kSEK) | Revenue (kSEK) | Net cost (kSEK) |"),
    ("| År | Invånare | Varav över 65 år | Förändring (%) |",
     "| Year | Residents | Of whom over 65 | Change (%) |"),
]

LANGS = ("sv", "en")
START_DATE = datetime.date(2019, 1, 1)


def slug(i):
    return "art-%05d" % i


class Article:
    __slots__ = ("idx", "topic", "place", "aspect", "year", "date", "tags", "titles")


def plan_articles(npairs, seed):
    """Choose the per-article metadata shared by the sv and en versions."""
    arts = []
    for i in range(1, npairs + 1):
        r = random.Random(seed * 1_000_003 + i)
        a = Article()
        a.idx = i
        a.topic = r.randrange(len(TOPICS))
        a.place = r.choice(PLACES)
        a.aspect = r.randrange(len(ASPECTS))
        a.date = START_DATE + datetime.timedelta(days=r.randrange(7 * 365), )
        a.year = a.date.year
        a.tags = r.sample(range(len(TAGS)), r.randint(2, 4))
        a.titles = []
        for li in range(2):
            topic = TOPICS[a.topic][li]
            asp = ASPECTS[a.aspect][li].format(year=a.year)
            if li == 0:
                t = "%s i %s: %s" % (topic[0].upper() + topic[1:], a.place, asp)
            else:
                t = "%s in %s: %s" % (topic[0].upper() + topic[1:], a.place, asp)
            a.titles.append(t)
        arts.append(a)
    return arts


def make_body(a, arts, seed):
    """Return (sv_body, en_body, sv_summary, en_summary) as parallel texts."""
    r = random.Random(seed * 7_000_003 + a.idx)
    target = r.randint(600, 860)
    link_targets = [arts[r.randrange(len(arts))] for _ in range(3)]
    link_targets = [t for t in link_targets if t.idx != a.idx] or [arts[(a.idx) % len(arts)]]

    def slots():
        return dict(
            n=r.randint(12, 4800),
            d=r.randint(3, 60),
            pct=r.randint(2, 95),
            year=r.randint(2015, 2025),
            month_i=r.randrange(12),
        )

    def fill(tpl_i, li, s):
        return SENTENCES[tpl_i][li].format(
            topic=TOPICS[a.topic][li], place=a.place, n=s["n"], d=s["d"], pct=s["pct"],
            year=s["year"], month=MONTHS[s["month_i"]][li])

    out = [[], []]
    words = 0

    def para(nsent, link=None, emph=False):
        nonlocal words
        ids = [r.randrange(len(SENTENCES)) for _ in range(nsent)]
        ss = [slots() for _ in ids]
        em = r.randrange(nsent) if emph else -1
        for li in range(2):
            parts = []
            for k, (ti, s) in enumerate(zip(ids, ss)):
                txt = fill(ti, li, s)
                if k == em:
                    txt = ("**%s**" if r.random() < 0.5 else "*%s*") % txt
                parts.append(txt)
            if link is not None:
                parts.append(link_sentence(link, li))
            out[li].append(" ".join(parts))
            out[li].append("")
        words += sum(len(fill(ti, 1, s).split()) for ti, s in zip(ids, ss))

    def link_sentence(t, li):
        if li == 0:
            return "Läs även [%s](%s)." % (t.titles[0], LINK(t, "sv"))
        return "See also [%s](%s)." % (t.titles[1], LINK(t, "en"))

    def heading(level):
        h = HEADINGS[r.randrange(len(HEADINGS))]
        for li in range(2):
            out[li].append("#" * level + " " + h[li])
            out[li].append("")

    def bullets():
        nonlocal words
        items = r.sample(range(len(LIST_ITEMS)), r.randint(4, 6))
        intro = ("Det här behöver du ha med:", "This is what you need to include:")
        for li in range(2):
            out[li].append(intro[li])
            out[li].append("")
            for it in items:
                out[li].append("- " + LIST_ITEMS[it][li])
            out[li].append("")
        words += 6 + sum(len(LIST_ITEMS[it][1].split()) for it in items)

    def steps():
        nonlocal words
        n = r.randint(3, len(STEPS))
        for li in range(2):
            for k in range(n):
                out[li].append("%d. %s" % (k + 1, STEPS[k][li]))
            out[li].append("")
        words += sum(len(STEPS[k][1].split()) for k in range(n))

    def table():
        nonlocal words
        h = r.randrange(len(TABLE_HEAD))
        y0 = r.randint(2016, 2020)
        rows = []
        for k in range(r.randint(4, 6)):
            rows.append((y0 + k, r.randint(100, 9000), r.randint(5, 400), r.randint(10, 99)))
        for li in range(2):
            out[li].append(TABLE_HEAD[h][li])
            out[li].append("|---:|---:|---:|---:|")
            for row in rows:
                if h == 0:
                    cells = (row[0], row[1], row[2], "%d %%" % row[3])
                elif h == 1:
                    cells = (row[0], row[1] * 10, row[2] * 10, row[1] * 10 - row[2] * 10)
                else:
                    pct = ("%d,%d" if li == 0 else "%d.%d") % (row[3] // 10, row[3] % 10)
                    cells = (row[0], row[1] * 10, row[2] * 5, pct)
                out[li].append("| " + " | ".join(str(c) for c in cells) + " |")
            out[li].append("")
        words += 12 + 4 * len(rows)

    def quote():
        nonlocal words
        q = QUOTES[r.randrange(len(QUOTES))]
        for li in range(2):
            out[li].append("> " + q[li])
            out[li].append("")
        words += len(q[1].split())

    def count():  # mean word count of the two language versions
        return (len(" ".join(out[0]).split()) + len(" ".join(out[1]).split())) // 2

    # intro
    para(r.randint(3, 5), emph=True)
    links = list(link_targets)
    blocks = 0
    while count() < target:
        heading(2)
        para(r.randint(2, 5), link=links.pop() if links else None, emph=r.random() < 0.4)
        if count() >= target:
            break
        kind = blocks % 4
        if kind == 0:
            bullets()
        elif kind == 1:
            table()
        elif kind == 2:
            heading(3)
            steps()
        else:
            quote()
        if count() < target:
            para(r.randint(2, 4))
        blocks += 1
    while links:  # make sure all three links appear
        para(2, link=links.pop())
    s2 = slots()
    summaries = [fill(0, 0, s2), fill(0, 1, s2)]
    return "\n".join(out[0]), "\n".join(out[1]), summaries[0], summaries[1]


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------------------
# Zola
# ---------------------------------------------------------------------------
ZOLA_CONFIG = """base_url = "https://kommun.example"
title = "Kommunen"
description = "Information från kommunen"
default_language = "sv"
compile_sass = false
build_search_index = false
generate_feeds = true
feed_limit = 20
feed_filenames = ["rss.xml"]
generate_sitemap = true
taxonomies = [{ name = "tags", feed = true, paginate_by = 10 }]

[translations]
published = "Publicerad"
tags = "Taggar"
previous = "Föregående"
next = "Nästa"
page = "Sida"
of = "av"
latest = "Senaste artiklarna"
translations = "Andra språk"

[languages.en]
title = "The Municipality"
description = "Information from the municipality"
generate_feeds = true
feed_filenames = ["rss.xml"]
taxonomies = [{ name = "tags", feed = true, paginate_by = 10 }]

[languages.en.translations]
published = "Published"
tags = "Tags"
previous = "Previous"
next = "Next"
page = "Page"
of = "of"
latest = "Latest articles"
translations = "Other languages"
"""

ZOLA_TEMPLATES = {
    "base.html": """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title>
<link rel="alternate" type="application/rss+xml" href="{{ get_url(path="rss.xml", lang=lang) | safe }}">
</head>
<body>
<header><nav>
<a href="{{ get_url(path="@/_index.md", lang=lang) | safe }}">{% if lang == "sv" %}Start{% else %}Home{% endif %}</a>
<a href="{{ get_url(path="@/artiklar/_index.md", lang=lang) | safe }}">{% if lang == "sv" %}Artiklar{% else %}Articles{% endif %}</a>
<a href="{{ get_url(path="tags/", lang=lang) | safe }}">{{ trans(key="tags", lang=lang) }}</a>
</nav></header>
<main>
{% block content %}{% endblock content %}
</main>
<footer><p>&copy; {{ config.title }}</p></footer>
</body>
</html>
""",
    "index.html": """{% extends "base.html" %}
{% block content %}
<h1>{{ config.title }}</h1>
<h2>{{ trans(key="latest", lang=lang) }}</h2>
{% if lang == config.default_language %}{% set p = "artiklar/_index.md" %}{% else %}{% set p = "artiklar/_index." ~ lang ~ ".md" %}{% endif %}
{% set s = get_section(path=p) %}
<ul>
{% for page in s.pages | slice(end=10) %}
<li><a href="{{ page.permalink | safe }}">{{ page.title }}</a> <time>{{ page.date | date(format="%Y-%m-%d") }}</time></li>
{% endfor %}
</ul>
{% endblock content %}
""",
    "section.html": """{% extends "base.html" %}
{% block title %}{{ section.title }} | {{ config.title }}{% endblock title %}
{% block content %}
<h1>{{ section.title }}</h1>
{% include "pager_list.html" %}
{% endblock content %}
""",
    "pager_list.html": """<ul class="list">
{% for page in paginator.pages %}
<li><h2><a href="{{ page.permalink | safe }}">{{ page.title }}</a></h2>
<p><time>{{ page.date | date(format="%Y-%m-%d") }}</time> {{ page.description }}</p></li>
{% endfor %}
</ul>
<nav class="pager">
{% if paginator.previous %}<a href="{{ paginator.previous | safe }}">{{ trans(key="previous", lang=lang) }}</a>{% endif %}
<span>{{ trans(key="page", lang=lang) }} {{ paginator.current_index }} {{ trans(key="of", lang=lang) }} {{ paginator.number_pagers }}</span>
{% if paginator.next %}<a href="{{ paginator.next | safe }}">{{ trans(key="next", lang=lang) }}</a>{% endif %}
</nav>
""",
    "page.html": """{% extends "base.html" %}
{% block title %}{{ page.title }} | {{ config.title }}{% endblock title %}
{% block content %}
<article>
<h1>{{ page.title }}</h1>
<p class="meta">{{ trans(key="published", lang=lang) }} <time>{{ page.date | date(format="%Y-%m-%d") }}</time></p>
{% if page.taxonomies.tags %}<ul class="tags">{% for t in page.taxonomies.tags %}<li><a href="{{ get_taxonomy_url(kind="tags", name=t, lang=lang) | safe }}">{{ t }}</a></li>{% endfor %}</ul>{% endif %}
{{ page.content | safe }}
</article>
{% if page.translations | length > 1 %}<aside><h2>{{ trans(key="translations", lang=lang) }}</h2><ul>
{% for t in page.translations %}{% if t.lang != lang %}<li><a href="{{ t.permalink | safe }}" hreflang="{{ t.lang }}">{{ t.title }}</a></li>{% endif %}{% endfor %}
</ul></aside>{% endif %}
{% endblock content %}
""",
    "taxonomy_list.html": """{% extends "base.html" %}
{% block title %}{{ trans(key="tags", lang=lang) }} | {{ config.title }}{% endblock title %}
{% block content %}
<h1>{{ trans(key="tags", lang=lang) }}</h1>
<ul>
{% for term in terms %}<li><a href="{{ term.permalink | safe }}">{{ term.name }}</a> ({{ term.page_count }})</li>
{% endfor %}
</ul>
{% endblock content %}
""",
    "taxonomy_single.html": """{% extends "base.html" %}
{% block title %}{{ term.name }} | {{ config.title }}{% endblock title %}
{% block content %}
<h1>{{ trans(key="tags", lang=lang) }}: {{ term.name }}</h1>
{% include "pager_list.html" %}
{% endblock content %}
""",
    "rss.xml": """<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
<channel>
<title>{{ config.title }}{% if term %} - {{ term.name }}{% elif section.title %} - {{ section.title }}{% endif %}</title>
<link>{% if section %}{{ section.permalink | escape_xml | safe }}{% else %}{{ config.base_url | escape_xml | safe }}{% endif %}</link>
<description>{{ config.description }}</description>
<language>{{ lang }}</language>
<atom:link href="{{ feed_url | safe }}" rel="self" type="application/rss+xml"/>
{%- for page in pages %}
<item>
<title>{{ page.title }}</title>
<pubDate>{{ page.date | date(format="%a, %d %b %Y %H:%M:%S %z") }}</pubDate>
<link>{{ page.permalink | escape_xml | safe }}</link>
<guid>{{ page.permalink | escape_xml | safe }}</guid>
<description>{{ page.description }}</description>
</item>
{%- endfor %}
</channel>
</rss>
""",
}


def zola_link(t, lang):
    return "@/artiklar/%s%s.md" % (slug(t.idx), "" if lang == "sv" else "." + lang)


# ---------------------------------------------------------------------------
# Hugo
# ---------------------------------------------------------------------------
def hugo_config(modern):
    pag = ("[pagination]\n  pagerSize = 10\n[services.rss]\n  limit = 20\n" if modern
           else "paginate = 10\nrssLimit = 20\n")
    label = "label" if modern else "languageName"
    return ("""baseURL = "https://kommun.example/"
title = "Kommunen"
defaultContentLanguage = "sv"
defaultContentLanguageInSubdir = false
enableRobotsTXT = true
disableKinds = []
""" + pag + """
[taxonomies]
  tag = "tags"

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]

[languages.sv]
  LABEL = "Svenska"
  title = "Kommunen"
  weight = 1
  [languages.sv.params]
    description = "Information från kommunen"

[languages.en]
  LABEL = "English"
  title = "The Municipality"
  weight = 2
  [languages.en.params]
    description = "Information from the municipality"
""").replace("LABEL", label)


HUGO_I18N = {
    "sv": """published = "Publicerad"
tags = "Taggar"
previous = "Föregående"
next = "Nästa"
page = "Sida"
of = "av"
latest = "Senaste artiklarna"
translations = "Andra språk"
home = "Start"
articles = "Artiklar"
""",
    "en": """published = "Published"
tags = "Tags"
previous = "Previous"
next = "Next"
page = "Page"
of = "of"
latest = "Latest articles"
translations = "Other languages"
home = "Home"
articles = "Articles"
""",
}

HUGO_TEMPLATES = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ site.Title }}{{ end }}</title>
{{ with site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><nav>
<a href="{{ site.Home.Permalink }}">{{ i18n "home" }}</a>
{{ with site.GetPage "/artiklar" }}<a href="{{ .Permalink }}">{{ i18n "articles" }}</a>{{ end }}
{{ with site.GetPage "/tags" }}<a href="{{ .Permalink }}">{{ i18n "tags" }}</a>{{ end }}
</nav></header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>&copy; {{ site.Title }}</p></footer>
</body>
</html>
""",
    "index.html": """{{ define "main" }}
<h1>{{ site.Title }}</h1>
<h2>{{ i18n "latest" }}</h2>
<ul>
{{ range first 10 (where site.RegularPages "Section" "artiklar") }}
<li><a href="{{ .Permalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}
</ul>
{{ end }}
""",
    "_default/list.html": """{{ define "title" }}{{ .Title }} | {{ site.Title }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ partial "pager_list.html" . }}
{{ end }}
""",
    "partials/pager_list.html": """{{ $p := .Paginator }}<ul class="list">
{{ range $p.Pages }}
<li><h2><a href="{{ .Permalink }}">{{ .Title }}</a></h2>
<p><time>{{ .Date.Format "2006-01-02" }}</time> {{ .Params.summary }}</p></li>
{{ end }}
</ul>
<nav class="pager">
{{ if $p.HasPrev }}<a href="{{ $p.Prev.URL }}">{{ i18n "previous" }}</a>{{ end }}
<span>{{ i18n "page" }} {{ $p.PageNumber }} {{ i18n "of" }} {{ $p.TotalPages }}</span>
{{ if $p.HasNext }}<a href="{{ $p.Next.URL }}">{{ i18n "next" }}</a>{{ end }}
</nav>
""",
    "_default/single.html": """{{ define "title" }}{{ .Title }} | {{ site.Title }}{{ end }}
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta">{{ i18n "published" }} <time>{{ .Date.Format "2006-01-02" }}</time></p>
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .Permalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}
</article>
{{ if .IsTranslated }}<aside><h2>{{ i18n "translations" }}</h2><ul>
{{ range .Translations }}<li><a href="{{ .Permalink }}" hreflang="{{ .Language.Lang }}">{{ .Title }}</a></li>{{ end }}
</ul></aside>{{ end }}
{{ end }}
""",
    "_default/terms.html": """{{ define "title" }}{{ i18n "tags" }} | {{ site.Title }}{{ end }}
{{ define "main" }}
<h1>{{ i18n "tags" }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.Permalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
""",
    "_default/term.html": """{{ define "title" }}{{ .Title }} | {{ site.Title }}{{ end }}
{{ define "main" }}
<h1>{{ i18n "tags" }}: {{ .Title }}</h1>
{{ partial "pager_list.html" . }}
{{ end }}
""",
    "_default/rss.xml": """{{- $pages := .RegularPages -}}
{{- if .IsHome }}{{ $pages = where site.RegularPages "Section" "artiklar" }}{{ end -}}
{{- $limit := site.Config.Services.RSS.Limit -}}
{{- if ge $limit 1 }}{{ $pages = $pages | first $limit }}{{ end -}}
{{ printf "<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>" | safeHTML }}
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
<channel>
<title>{{ site.Title }}{{ if not .IsHome }} - {{ .Title }}{{ end }}</title>
<link>{{ .Permalink }}</link>
<description>{{ site.Params.description }}</description>
<language>{{ site.Language.Lang }}</language>
{{ with .OutputFormats.Get "RSS" }}<atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml"/>{{ end }}
{{- range $pages }}
<item>
<title>{{ .Title }}</title>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
<link>{{ .Permalink }}</link>
<guid>{{ .Permalink }}</guid>
<description>{{ .Params.summary }}</description>
</item>
{{- end }}
</channel>
</rss>
""",
}


def hugo_link(t, lang):
    return '{{< relref "/artiklar/%s" >}}' % slug(t.idx)


def torget_link(t, lang):
    return "@/artiklar/%s" % slug(t.idx)


TORGET_SITE = """name: { sv: Kommunen, en: The Municipality }
base_url: https://kommun.example/
languages: [sv, en]
default_language: sv
"""
TORGET_SECTION = """title: { sv: Artiklar, en: Articles }
slug: { en: articles }
description: { sv: Nyheter från kommunen, en: News from the municipality }
sort: date
page_size: 10
"""


LINK = None


def main():
    global LINK
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="total article pages (sv + en)")
    ap.add_argument("target", choices=["zola", "hugo", "torget"])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--hugo-modern", action="store_true",
                    help="Hugo >= 0.128 config keys (pagination.pagerSize, services.rss.limit)")
    args = ap.parse_args()
    if args.n < 2:
        sys.exit("N must be >= 2")
    npairs = args.n // 2
    out = args.outdir
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    arts = plan_articles(npairs, args.seed)
    zola = args.target == "zola"
    torget = args.target == "torget"
    LINK = zola_link if zola else torget_link if torget else hugo_link
    cdir = os.path.join(out, "content", "artiklar")
    os.makedirs(cdir)

    def w(path, text):
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)

    if torget:
        w("site.yaml", TORGET_SITE)
        w("content/artiklar/_section.yaml", TORGET_SECTION)
    elif zola:
        w("config.toml", ZOLA_CONFIG)
        for name, text in ZOLA_TEMPLATES.items():
            w(os.path.join("templates", name), text)
        sec = ("---\ntitle: \"%s\"\nsort_by: date\npaginate_by: 10\ngenerate_feeds: true\n---\n")
        w("content/_index.md", "---\ntitle: \"Kommunen\"\n---\n")
        w("content/_index.en.md", "---\ntitle: \"The Municipality\"\n---\n")
        w("content/artiklar/_index.md", sec % "Artiklar")
        w("content/artiklar/_index.en.md", sec % "Articles")
    else:
        w("config.toml", hugo_config(args.hugo_modern))
        for name, text in HUGO_TEMPLATES.items():
            w(os.path.join("layouts", name), text)
        for lang, text in HUGO_I18N.items():
            w("i18n/%s.toml" % lang, text)
        w("content/_index.sv.md", "---\ntitle: \"Kommunen\"\n---\n")
        w("content/_index.en.md", "---\ntitle: \"The Municipality\"\n---\n")
        w("content/artiklar/_index.sv.md", "---\ntitle: \"Artiklar\"\n---\n")
        w("content/artiklar/_index.en.md", "---\ntitle: \"Articles\"\n---\n")

    total_words = 0
    for a in arts:
        sv_body, en_body, sv_sum, en_sum = make_body(a, arts, args.seed)
        for li, (lang, body, summ) in enumerate((("sv", sv_body, sv_sum), ("en", en_body, en_sum))):
            tags = [TAGS[t][li] for t in a.tags]
            fm = ["---", "title: " + yaml_str(a.titles[li]), "date: " + a.date.isoformat()]
            if torget:
                fm.append("summary: " + yaml_str(summ))
                fm.append("tags: [" + ", ".join(yaml_str(t) for t in tags) + "]")
                fname = os.path.join(slug(a.idx), lang + ".md")
                os.makedirs(os.path.join(cdir, slug(a.idx)), exist_ok=True)
            elif zola:
                fm.append("description: " + yaml_str(summ))
                fm.append("taxonomies:")
                fm.append("  tags: [" + ", ".join(yaml_str(t) for t in tags) + "]")
                fname = slug(a.idx) + ("" if lang == "sv" else ".en") + ".md"
            else:
                fm.append("summary: " + yaml_str(summ))
                fm.append("tags: [" + ", ".join(yaml_str(t) for t in tags) + "]")
                fname = slug(a.idx) + "." + lang + ".md"
            fm.append("---")
            text = "\n".join(fm) + "\n\n" + body + "\n"
            total_words += len(body.split())
            with open(os.path.join(cdir, fname), "w", encoding="utf-8") as f:
                f.write(text)
    print("wrote %d articles (%d pairs) for %s in %s; mean body words per article %.0f"
          % (2 * npairs, npairs, args.target, out, total_words / (2 * npairs)))


if __name__ == "__main__":
    main()
