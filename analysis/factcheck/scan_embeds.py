"""What a page shows that scan cannot read: frames, embeds and charts drawn by a script.

A page saved "HTML only" or fetched with curl holds a chart service's frame, placeholder or loader, or a charting
library's script and an empty element, but not the figures a reader sees there. scan never fetches or runs them, so
it names each one ("not read") rather than leave a chart out without a word. This module says, tag by tag, whether
an element is one of those and what names it; `scan_text` walks the page and collects them.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import urllib.parse

from analysis.factcheck.scan_css import inline_style

#: HTML's ASCII whitespace, which it strips from attribute values and addresses.
ASCII_SPACE = "\t\n\f\r "
_NO_ASCII_SPACE = str.maketrans("", "", ASCII_SPACE)


#: The elements that embed a document, and the attribute naming it: a page may write that document in its own
#: markup (`<iframe srcdoc="<p>…">`, or a `data:text/html,…` address), and Chromium draws its text on the page,
#: though the page's innerText leaves it out. scan read none of it: "Framed 2,222 cases." was gone from the scan.
EMBEDDERS = {"iframe": "src", "embed": "src", "object": "data",
              "amp-iframe": "src",  # an AMP page's frame: how an AMP story embeds its Datawrapper or Flourish chart
              # ... and AMP's frame of a document (a report's PDF, a Word or Google document) in Google's viewer
              "amp-google-document-embed": "src"}
_DATA_HTML = re.compile(r"[\t\n\f\r ]*data:[\t\n\f\r ]*text/html(?P<parameters>[^,]*),(?P<body>.*)\Z",
                        re.IGNORECASE | re.DOTALL)
#: How many frames in frames are read as pages; deeper, a frame's markup is read as text.
DEEPEST_FRAME = 3
#: Addresses of a frame that shows no document from elsewhere: an empty one, a script's, one written in the page
#: (`data:`, read or not a page), a part of the same saved file (`cid:`: a page saved as MHTML, whose frames are read
#: from its other parts); and a frame of no size at all.
_NO_DOCUMENT = ("about:", "javascript:", "data:", "cid:")
#: A frame of no size by its attribute, unless its inline style sizes that side itself, which wins (a frame sized
#: `height="0" style="height:400px"` is drawn 400 pixels tall, and was left out without a word). The style never
#: makes a frame one of no size here: Datawrapper's own embed code is `style="width: 0; min-width: 100%"`.
_NO_SIZE = ("0", "0px")


#: Where a lazy-loading script (lazysizes, WP Rocket, Jetpack, Smush and most WordPress plug-ins) keeps a frame's
#: address until the frame scrolls into view, or a consent manager until the reader accepts its cookies (Cookiebot's
#: `data-cookieblock-src`, Complianz's `data-src-cmplz`, iubenda's `suppressedsrc`, consentmanager's `data-cmp-src`),
#: its own address empty, "about:blank" or a `data:` placeholder till then: a Datawrapper chart in such a frame, in a
#: page saved "HTML only" or fetched with curl, was left out without a word. WordPress's consent plug-ins too: Real
#: Cookie Banner's `consent-original-src-_` (and its click-to-load `consent-click-original-src-_`), Borlabs Cookie's
#: older `src-consent`, Embed Privacy's `data-ep-src`, and the generic `consent-original-src`.
_CONSENT_ADDRESSES = ("consent-original-src-_", "consent-click-original-src-_", "consent-original-src")
_LAZY_ADDRESSES = ("data-src", "data-lazy-src", "data-cookieblock-src", "data-src-cmplz", "suppressedsrc",
                   "data-cmp-src", *_CONSENT_ADDRESSES, "src-consent", "data-ep-src")


def unread_frame(tag: str, values: dict[str, str]) -> str | None:
    """The address of a document a shown frame embeds from elsewhere, which scan never fetches (a Datawrapper or
    Flourish chart, an embedded post, the article itself in a viewer's frame), else None: its text is on the page
    for readers, and was left out without a word ("no figures found", exit 0, for a page that frames its article).
    A frame that shows no document yet shows the one its lazy-loading script puts there (`_LAZY_ADDRESSES`)."""
    address = values.get(EMBEDDERS[tag], "").strip(ASCII_SPACE)
    if not address or address.lower().startswith(_NO_DOCUMENT):
        address = next(filter(None, (values.get(name, "").strip(ASCII_SPACE) for name in _LAZY_ADDRESSES)), "")
    if not address or address.lower().startswith(_NO_DOCUMENT):
        return None
    style = inline_style(values["style"]) if "style" in values else {}
    if any(values.get(side, "").strip() in _NO_SIZE and side not in style and f"min-{side}" not in style
           for side in ("width", "height")):
        return None
    return address


#: Where a page's optimiser or consent manager keeps a script's address until the reader scrolls, clicks or accepts
#: cookies (WP Rocket's "delay JavaScript" `data-rocket-src`, LiteSpeed's and Perfmatters' `data-src`, iubenda's
#: `suppressedsrc`, consentmanager's `data-cmp-src`, Real Cookie Banner's `_CONSENT_ADDRESSES`), its own `src` absent
#: till then: a chart library or an embed loader so held, in a page saved "HTML only" or fetched with curl, was left
#: out without a word.
_HELD_SCRIPT_ADDRESSES = ("data-rocket-src", "data-src", "suppressedsrc", "data-cmp-src", *_CONSENT_ADDRESSES)


def _script_address(values: dict[str, str]) -> str:
    """The address a <script> runs: its `src`, else the one a delaying script holds for it (`_HELD_SCRIPT_ADDRESSES`),
    else ""."""
    address = values.get("src", "").strip(ASCII_SPACE)
    if address:
        return address
    return next(filter(None, (values.get(name, "").strip(ASCII_SPACE) for name in _HELD_SCRIPT_ADDRESSES)), "")


#: The loader a chart or post service's embed code places where its frame is to be shown (Flourish's and Datawrapper's
#: `…/embed.js`, Instagram's and TikTok's): the script draws a frame from elsewhere there, and a page saved "HTML
#: only" or fetched with curl holds the script, not the frame. So is Embedly's card loader, which draws the page a card
#: links to (a Flourish or Datawrapper chart, a post) as a frame where the card stands.
_EMBED_LOADER = re.compile(r"[\t\n\f\r ]*(?:https?:)?//(?:[^?#]*/embed\.js|cdn\.embedly\.com/widgets/platform\.js)"
                           r"(?:[?#].*)?\Z", re.IGNORECASE | re.DOTALL)


def script_embed(values: dict[str, str]) -> str | None:
    """The address of the embed loader a <script> runs (`_EMBED_LOADER`), else None: where it stands in the page
    the service's frame is shown, which scan never fetches. Read as any other script, a Flourish chart (whose
    embed code is such a script in a <div>) was left out without a word, where its frame is listed."""
    address = _script_address(values)
    return address if _EMBED_LOADER.match(address) else None


#: The placeholders a chart, dashboard or post service's script fills with its frame, and how each names the frame's
#: address: (tag or None for any, a class it holds or None, the attribute, the address made from its value). A page
#: saved "HTML only" or fetched with curl holds the placeholder and not the frame, and a Tableau dashboard, an ONS
#: or pym.js interactive or an Infogram chart was left out without a word, where the same chart in an <iframe> is
#: listed (`unread_frame`). Tableau's older embed code names its view by the <param>s of a hidden <object>
#: (`scan_text._TextParser._note_tableau_param`); a loader script alone, by `_EMBED_LOADER`.
_PLACEHOLDERS: tuple[tuple[str | None, str | None, str, str], ...] = (
    (None, None, "data-pym-src", "{}"),  # pym.js's own placeholder (NPR's and many newsrooms' embed code)
    (None, "pym-interactive", "data-url", "{}"),  # the ONS's interactive charts (pym.js parents)
    ("tableau-viz", None, "src", "{}"),  # Tableau's embedding API v3
    ("tableau-authoring-viz", None, "src", "{}"),
    (None, "infogram-embed", "data-id", "https://e.infogram.com/{}"),  # Infogram's embed code
    (None, "fb-post", "data-href", "{}"),  # Facebook's embed code for a post or a video (its SDK's placeholders)
    (None, "fb-video", "data-href", "{}"),
    # An AMP page's embedded posts, which its runtime draws as frames (an AMP <amp-iframe> is listed as a frame)
    ("amp-twitter", None, "data-tweetid", "https://twitter.com/i/status/{}"),
    ("amp-instagram", None, "data-shortcode", "https://www.instagram.com/p/{}/"),
    ("amp-facebook", None, "data-href", "{}"),
    # Flourish's, whose embed.js inside it is then not listed apart (`scan_text._TextParser._holders`); one whose
    # script the CMS stripped from the post, the site loading embed.js once in its head, was left out without a word
    (None, "flourish-embed", "data-src", "https://flo.uri.sh/{}/embed"),
    # Shorthand's: its loader (`embed_9.js`, not `embed.js`) draws the story its own attribute names, where it stands
    ("script", None, "data-story-url", "{}"),
    # Infographic services' script embeds (charities' and councils' pages), each a frame the loader draws from the
    # id or slug its placeholder names
    (None, "piktowrapper-embed", "data-uid", "https://create.piktochart.com/embed/{}"),  # Piktochart's
    (None, "genially-embed", "id", "https://view.genially.com/{}"),  # Genially's
    (None, "visme_d", "data-url", "https://my.visme.co/_embed/{}"),  # Visme's
    # The Guardian's interactive element as its older site served it (its stories of the record's years, and their
    # Wayback Machine copies): the site's boot script draws the chart's frame from the address it names
    (None, "element-interactive", "data-canonical-url", "{}"),
    # Hotwire Turbo's frame, which its script fills with the page its `src` names (Rails sites'); once filled it is
    # marked `complete`, and its text is then in the page (`placeholder_frame`)
    ("turbo-frame", None, "src", "{}"),
)
#: The Guardian's interactive element as its current site serves it: an island (`<gu-island>`) its script hydrates,
#: drawing the chart's frame from the address in the island's JSON `props`; the page itself holds only a link to it.
_GUARDIAN_INTERACTIVE = "interactiveblockcomponent"
#: The placeholders a site builder's or a consent manager's script fills with the embed code its author pasted, which
#: it keeps as markup in an attribute, by (the class the placeholder holds or None for any, the attribute, whether
#: the markup is base64-encoded there): Squarespace's embed and video blocks (`<div class="sqs-video-wrapper"
#: data-html="&lt;iframe src=…&gt;">`), where charities' and small newsrooms' sites put a Datawrapper, Flourish or
#: Infogram chart; Borlabs Cookie's content blocker (WordPress's, its container and its shortcode's <span>), which
#: puts the embed back once the reader accepts its cookies. A page saved "HTML only" or fetched with curl holds the
#: markup, not what it draws, and the chart was left out without a word (`kept_markup`).
_KEPT_MARKUP: tuple[tuple[str | None, str, bool], ...] = (
    ("sqs-video-wrapper", "data-html", False),
    (None, "data-borlabs-cookie-content", True),
)
#: Whether a page may hold one (`_PLACEHOLDERS`, `_KEPT_MARKUP`, or Tableau's <object>): looked for once a page in its
#: lower-cased markup (`may_hold`), so the parser looks at no tag's attributes for one on a page without any.
PLACEHOLDER_MARKS = ("data-pym-src", "pym-interactive", "tableau", "infogram-embed", "fb-post", "fb-video",
                      "amp-twitter", "amp-instagram", "amp-facebook", "flourish-embed", "data-story-url",
                      "piktowrapper-embed", "genially-embed", "visme_d", "element-interactive", "turbo-frame",
                      _GUARDIAN_INTERACTIVE, *(class_ or attribute for class_, attribute, _ in _KEPT_MARKUP))
TABLEAU_OBJECT = "tableauviz"
_TABLEAU_HOST = "https://public.tableau.com/"


def placeholder_frame(tag: str, values: dict[str, str]) -> str | None:
    """The address of the frame a service's script draws in this placeholder (`_PLACEHOLDERS`), else None."""
    if tag == "gu-island":
        return _island_frame(values)
    if tag == "turbo-frame" and "complete" in values:
        return None
    classes = values.get("class", "").lower().split()
    for holder, class_, attribute, address in _PLACEHOLDERS:
        if (holder is None or holder == tag) and (class_ is None or class_ in classes):
            value = values.get(attribute, "").strip(ASCII_SPACE)
            if value:
                return address.format(value)
    return None


def kept_markup(values: dict[str, str]) -> str | None:
    """The embed code a site builder's or consent manager's placeholder keeps as markup for its script to put in the
    page (`_KEPT_MARKUP`; base64 read as UTF-8), else None: read where the placeholder stands as a document the page
    holds, as a frame's `srcdoc` is, so its frames, placeholders and loaders are listed and its text read."""
    classes = values.get("class", "").lower().split()
    for class_, attribute, encoded in _KEPT_MARKUP:
        markup = values.get(attribute, "").strip(ASCII_SPACE)
        if markup and (class_ is None or class_ in classes):
            if not encoded:
                return markup
            # read as a browser's `atob` reads it (forgiving): white space dropped, "=" padding optional
            markup = markup.translate(_NO_ASCII_SPACE)
            try:
                return base64.b64decode(markup + "=" * (-len(markup) % 4), validate=True).decode("utf-8",
                                                                                                  errors="replace")
            except (binascii.Error, ValueError):
                return None
    return None


def _island_frame(values: dict[str, str]) -> str | None:
    """The address of the chart frame a Guardian interactive island draws (`_GUARDIAN_INTERACTIVE`), else None."""
    if values.get("name", "").strip(ASCII_SPACE).lower() != _GUARDIAN_INTERACTIVE:
        return None
    try:
        props = json.loads(values.get("props", ""))
    except (ValueError, RecursionError):  # (not JSON, or nested deeper than the parser goes)
        return None
    address = props.get("url") if isinstance(props, dict) else None
    return (address.strip(ASCII_SPACE) or None) if isinstance(address, str) else None


def tableau_view(params: dict[str, str]) -> str:
    """The address of the view Tableau's older embed code names by its <param>s: its server (`host_url`,
    percent-encoded; Tableau Public's when absent), the site on it (`site_root`) and the view (`name`)."""
    host = urllib.parse.unquote(params.get("host_url", "")).strip(ASCII_SPACE) or _TABLEAU_HOST
    site = params.get("site_root", "").strip(ASCII_SPACE).strip("/")
    return "/".join(part for part in (host.rstrip("/"), site, "views", params["name"].strip(ASCII_SPACE + "/"))
                    if part)


#: A charting library's script, by the name its own site or a package CDN gives it (Plotly, Highcharts, Chart.js,
#: ECharts, Vega-Embed, Bokeh, D3, ApexCharts, amCharts, Observable Plot, C3, billboard.js, Chartist, Frappe Charts,
#: uPlot, FusionCharts, AnyChart, ZingChart, Dygraphs, Flot, Morris, NVD3, dc.js, Chartkick, AntV G2, TradingView's
#: Lightweight Charts, TOAST UI Chart, jQuery Sparklines, D3's drawing modules, Google Charts' loader, also its older
#: `jsapi` one that pages of the record's years load; Observable's runtime and a notebook it defines, as Observable's
#: "embed with the runtime" code loads them, and Quarto's for its `{ojs}` cells), or a chart service's that draws its
#: chart in the page, not a frame (Everviz's `inject/` loader, which its embed code puts in an empty <div>, also at
#: Highcharts Cloud's address, its name before Everviz), or one that draws a service's chart in a frame from a call in
#: the page's own script (Tableau's JavaScript API before its web component, `tableau_v8.js` and `tableau-2.js`, from
#: Tableau Public or a Tableau Server: `new tableau.Viz(div, "…/views/…")`; pym.js's classic embed code, `new
#: pym.Parent("id", "…/child.html", {})`; Flourish's Live API, `new Flourish.Live({container, …})`; Infogram's embed
#: code of the record's years, its loader named by a <script> whose id names the chart): it draws a chart in the page
#: from figures held in the page's script or the service's, not the page's text. A page saved "HTML only", fetched with
#: curl, or written by Plotly's `write_html`, Altair's `save` or R Markdown holds the script and an empty element, and
#: the chart's figures were left out without a word. (A site may load one on a page that draws nothing: listed all the
#: same, the safe side.) A library is known by its package's name wherever a package CDN puts it (jsDelivr's `npm/` and
#: `esm.run`, unpkg, esm.sh, cdnjs's `ajax/libs/`, JSPM import maps' `ga.jspm.io/npm:` and `jspm.dev`), and by its
#: file's name with the build's marks a release or a site's copy adds (`highcharts.src.js`, `Chart.bundle.min.js`,
#: `d3.v7.min.js`, `uPlot.iife.min.js`), its version among them as a site's copy may carry it (`highcharts-11.4.0.js`,
#: `d3-7.8.5.min.js`), or by the name a plug-in gives its copy (`chartjs.min.js`, WordPress's Visualizer;
#: `amcharts/amcharts.js`, amCharts 3 on a site's own host).
_CHART_FILE = re.compile(r"(?:plotly|bokeh|fusioncharts|anychart|zingchart|dygraph|jquery\.flot|lightweight-charts"
                         r"|tui-chart|toastui-chart|jquery\.sparkline)[\w.-]*\.js"
                         r"|(?:highcharts|highstock|highmaps|chart|echarts|d3(?:-selection|-shape|-axis)?|nv\.d3|morris"
                         r"|chartkick|g2"
                         r"|apexcharts|c3|billboard|chartist|frappe-charts|uplot|vega-embed|quarto-ojs-runtime"
                         r"|chartjs|amcharts|vega|vega-lite)"
                         r"(?:[.-]v?\d+|\.(?:umd|bundle|src|min|esm|common|simple|pkgd|iife))*\.js", re.IGNORECASE)
_CHART_PACKAGE = re.compile(
    r"(?:/npm/|//unpkg\.com/|//esm\.sh/|//cdn\.skypack\.dev/|/ajax/libs/|//esm\.run/|//ga\.jspm\.io/npm:"
    r"|//jspm\.dev/(?:npm:)?)(?:plotly\.js[\w-]*|highcharts|chart\.js"
    r"|echarts|vega(?:-embed|-lite)?|d3(?:-selection|-shape|-axis)?|apexcharts|c3|billboard\.js|chartist|frappe-charts"
    r"|uplot"
    r"|fusioncharts|anychart|zingchart|dygraphs?|flot|morris\.js|nvd3|dc|chartkick|@antv/g2(?:plot)?"
    r"|lightweight-charts|@toast-ui/chart|tui-chart|jquery-sparklines?"
    r"|@amcharts/amcharts[45]|@observablehq/plot|@observablehq/runtime|@bokeh/bokehjs|bokeh)(?:[@/]|\Z)"
    r"|[/.]gstatic\.com/charts/loader\.js\Z|[/.]google\.com/jsapi\Z|[/.]amcharts\.com/lib/"
    r"|(?:[/.]everviz\.com|//cloud\.highcharts\.com)/inject/|//api\.observablehq\.com/"
    r"|(?:\A|/)_observablehq/(?:client|runtime)\.js\Z"
    r"|/javascripts/api/tableau(?:_v8|-2)[\w.-]*\.js\Z|[/.]infogr(?:am\.com|\.am)/js/dist/embed-loader[\w.-]*\.js\Z"
    r"|(?:\A|/)pym(?:\.v\d+)?(?:\.min)?\.js\Z|[/.]flourish\.rocks/flourish-live[\w.-]*\.js\Z",
    re.IGNORECASE)
#: pym.js's own script (`_CHART_PACKAGE`), which its classic embed code calls to draw the child page as a frame
#: (`new pym.Parent("id", "…/child.html", {})`); a page whose pym.js placeholders (`data-pym-src`) are listed as
#: frames loads it too, and there it is not listed again (`scan_text._html_text`).
PYM_SCRIPT = re.compile(r"(?:\A|/)pym(?:\.v\d+)?(?:\.min)?\.js(?:[?#]|\Z)", re.IGNORECASE)


#: What a browser's "Save Page As…, Webpage, Complete" (Chrome's and Edge's default) makes of a script's file name in
#: the page's `_files` folder: ".download" added (`chart.umd.min.js.download`) and "(1)" to a second file of one name;
#: a package CDN's address keeps only its last part, the package and its version (`chart.js@4`, `d3@7`). Unread so,
#: a chart its canvas shows when the saved page is opened was left out without a word.
_SAVED_COPY = re.compile(r"(.*?)(?: ?\(\d{1,4}\))?(\.js)?(?:\.download)?", re.IGNORECASE | re.DOTALL)
_SAVED_PACKAGE = re.compile(r"[\w.-]+@[\w.~^-]+", re.IGNORECASE)


def chart_loader(address: str) -> bool:
    """Whether a script's address names a charting library's script or a chart service's loader (`_CHART_FILE`,
    `_CHART_PACKAGE`), also as a saved page's copy names it (`_SAVED_COPY`). Its last part is matched whole and the
    rest searched once, so a hostile address of any length is looked at in one pass."""
    path = address.split("?", 1)[0].split("#", 1)[0]
    last = path.rpartition("/")[2]
    if _CHART_FILE.fullmatch(last) is not None or _CHART_PACKAGE.search(path) is not None:
        return True
    saved = _SAVED_COPY.fullmatch(last)
    name = saved.group(1) + (saved.group(2) or "") if saved else last
    return ((name != last and _CHART_FILE.fullmatch(name) is not None)
            or (_SAVED_PACKAGE.fullmatch(name) is not None and _CHART_PACKAGE.search("/npm/" + name) is not None))


#: The element a charting library's script draws its chart in, by its class: Plotly's (`write_html`, nbconvert),
#: R's htmlwidgets' (plotly, leaflet, DT, highcharter in R Markdown and Quarto, whose scripts are inlined unnamed).
_CHART_HOLDERS = frozenset({"plotly-graph-div", "html-widget"})
#: Bokeh's, by the attribute every version's embed code gives it (`<div id=… data-root-id=…>`): a notebook's saved
#: HTML (nbconvert, Jupyter Book, Quarto) loads BokehJS by an address in a script's string, `file_html` with INLINE
#: resources inlines it, and `components()` leaves loading it to the page, so no <script src> names it.
_BOKEH_ROOT = "data-root-id"
#: Highcharts' container, by the attribute that names it: the ONS's design system (its statistical bulletins) puts an
#: empty `<div data-highcharts-chart>` in each chart, drawn by Highcharts from its own site's bundle and a JSON
#: config, so no script's address names the library; Highcharts marks every container it draws in so too.
_HIGHCHARTS_HOLDER = "data-highcharts-chart"
#: Datawrapper's script embed (its recommended embed code since 2023) draws the chart in this element's shadow root,
#: not a frame. A page saved "Webpage, Complete" (Chrome's and Edge's Ctrl+S) keeps the element but not its shadow root,
#: and its loader only as a local copy (`embed.js.download`), so the chart was left out without a word. Listed unless
#: scan reads a shadow root in it (an MHTML or SingleFile save keeps one: `scan_text._ShadowSheets.hosts_root`).
DATAWRAPPER_HOST = "datawrapper-visualization"
_DATAWRAPPER_NAME = "<datawrapper-visualization>"
#: A <canvas> the page shows: a script draws on it, and what it draws is a picture whose figures are in the script,
#: whichever script it is. Chart.js, ECharts' canvas renderer and a site's own code all draw charts so, and a page
#: saved as the browser showed it ("Webpage, Complete") keeps the canvas empty. Listing every shown canvas takes in
#: charts drawn by code that names no library, at the cost of a line for an animation's or an advert's canvas.
CANVAS = "<canvas>"
#: The counters a page builder's script counts up to the figure an attribute holds, from the number the element's text
#: starts at, when the reader scrolls to it: (the class the element holds, the attribute of the figure, the attribute
#: of its thousands separator). Elementor's counter widget (`<span class="elementor-counter-number"
#: data-to-value="1200" data-delimiter=",">0</span>`: its text is the "starting number", 0 unless set), and the
#: `display-counter` of WordPress themes' counter boxes (`<dt class="display-counter" data-value="3200">0</dt>`). A
#: charity's or council's page fetched with curl or saved "HTML only" holds the starting number: scan read "0 children
#: supported", where the reader sees 1,200.
_COUNTERS = (("elementor-counter-number", "data-to-value", "data-delimiter"),
             ("display-counter", "data-value", "data-delimiter"))
COUNTER_MARKS = tuple(class_ for class_, _, _ in _COUNTERS)
_COUNTED = re.compile(r"[\t\n\f\r ]*(-?)(\d{1,15})((?:\.\d{1,6})?)[\t\n\f\r ]*")


def counted_figure(values: dict[str, str]) -> str | None:
    """The figure a counter shows once its script has counted (`_COUNTERS`), written as it writes it (the thousands
    separator its attribute names put between each three digits), else None: not a counter, or a figure its script
    could not count to (not a plain number), whose text is then read as it is."""
    classes = values.get("class", "").lower().split()
    for class_, target, separator in _COUNTERS:
        if class_ in classes and target in values:
            found = _COUNTED.fullmatch(values[target])
            if found is None:
                return None
            sign, digits, decimals = found.groups()
            between = values.get(separator, "")
            grouped = between.join(digits[max(0, i - 3):i] for i in range(len(digits) % 3 or 3, len(digits) + 1, 3))
            return sign + (grouped if between else digits) + decimals
    return None


#: AMP's elements that its runtime fills from data elsewhere, through a template in them (`<amp-list src="….json">
#: <template type="amp-mustache">{{count}} referrals</template></amp-list>`; `<amp-render>`, its successor): an AMP
#: page, as its publisher serves it, saved "HTML only" or fetched with curl, holds the template and not what the
#: reader sees there (a live tally, a table of figures), and it was left out without a word. (A page saved as the
#: browser showed it holds what the runtime drew too: listed all the same, the safe side, as a chart library's script
#: is; no class marks an element whose data has come, `i-amphtml-element` being set before, on the server too.)
_AMP_RENDERED = frozenset({"amp-list", "amp-render"})
#: Whether a page may hold one (`_CHART_HOLDERS`, `_BOKEH_ROOT`, `_HIGHCHARTS_HOLDER`, `DATAWRAPPER_HOST`, a
#: <canvas>, `_AMP_RENDERED`, and a counter a script counts up: `COUNTER_MARKS`): looked for once a page, as
#: `PLACEHOLDER_MARKS` are.
CHART_HOLDER_MARKS = ("plotly-graph-div", "html-widget", _BOKEH_ROOT, _HIGHCHARTS_HOLDER, "<" + DATAWRAPPER_HOST,
                      "<canvas", *(f"<{tag}" for tag in sorted(_AMP_RENDERED)), *COUNTER_MARKS)


def may_hold(lowered: str, marks: tuple[str, ...]) -> bool:
    """Whether a page's lower-cased markup holds any of `marks`: one `str` search each, where one pattern of them all,
    tried at every character, cost a tenth of a second a MB of prose."""
    return any(mark in lowered for mark in marks)


#: The addresses a module script imports from or an import map maps to (`<script type="module">import * as d3 from
#: "https://cdn.jsdelivr.net/npm/d3@7/+esm"`, as D3's and Observable Plot's own documentation loads them): each
#: quoted address, an absolute one or one relative to the page.
IMPORTED = re.compile(r"""["']((?:https?:)?//[^"'\s]{1,2048}|\.{0,2}/[^"'\s]{1,2048})["']""", re.IGNORECASE)
#: A classic script (no type, or JavaScript's) is looked at too, but only for a package CDN's address
#: (`CDN_MARKS`): a script that puts a charting library's CDN address in a string loads it (Altair's chart as
#: Jupyter, nbconvert and Jupyter Book save it: `"vega-embed": "https://cdn.jsdelivr.net/npm/vega-embed@6?noext"`,
#: then a <script> it adds itself; RequireJS's `paths`), and that chart was left out without a word.
_CLASSIC_SCRIPTS = frozenset({"", "text/javascript", "application/javascript", "application/x-javascript",
                              "text/ecmascript", "application/ecmascript"})
MODULE_SCRIPTS = frozenset({"module", "importmap"}) | _CLASSIC_SCRIPTS
#: Where a classic script's text may name a package CDN's address of a charting library (`_CHART_PACKAGE`): looked
#: for with `str.find`, so a script naming none costs no pattern's pass.
CDN_MARKS = ("/npm/", "//unpkg.com/", "/ajax/libs/", "//esm.sh/", "//cdn.skypack.dev/", "//esm.run/",
              "//ga.jspm.io/npm:", "//jspm.dev/")
#: A <script> tag that is a module or an import map: its quoted addresses are kept whatever they name.
MODULE_SCRIPT = re.compile(r"(?<![\w-])type[\t\n\f\r ]*=[\t\n\f\r ]*[\"']?[\t\n\f\r ]*(?:module|importmap)",
                            re.IGNORECASE)


#: A Quarto page's `{ojs}` cells, which Observable's runtime draws from the code in this script: named by its type, as
#: a page that embeds its resources (`embed-resources: true`, one file to send) loads the runtime from a `data:`
#: address that names nothing.
_QUARTO_OJS = "ojs-module-contents"


def drawn_chart(tag: str, values: dict[str, str], holders: bool) -> str | None:
    """What names a chart a charting library's script draws in the page (`chart_loader`'s script address, or the
    class of the element it is drawn in, `_CHART_HOLDERS`, Bokeh's `_BOKEH_ROOT`, Highcharts' `_HIGHCHARTS_HOLDER`,
    Datawrapper's `DATAWRAPPER_HOST`, a `CANVAS` or AMP's `_AMP_RENDERED`, looked for when `holders`), else None."""
    if tag == "script":
        address = _script_address(values)
        if not address:
            kind = values.get("type", "").strip(ASCII_SPACE).lower()
            return kind if kind == _QUARTO_OJS else None
        return address if chart_loader(address) else None
    if holders and tag == "canvas":
        return CANVAS
    if holders and tag == DATAWRAPPER_HOST:
        return _DATAWRAPPER_NAME
    if holders and tag in _AMP_RENDERED:
        return _amp_rendered(tag, values)
    if holders and (_BOKEH_ROOT in values or _HIGHCHARTS_HOLDER in values):
        return _BOKEH_ROOT if _BOKEH_ROOT in values else _HIGHCHARTS_HOLDER
    if holders and "class" in values:
        return next((c for c in values["class"].lower().split() if c in _CHART_HOLDERS), None)
    return None


def _amp_rendered(tag: str, values: dict[str, str]) -> str | None:
    """What names the data an AMP element its runtime fills draws from (`_AMP_RENDERED`): the element and its `src`,
    else None (no source: one only a binding sets, `[src]`, is set by the reader's actions)."""
    address = values.get("src", "").strip(ASCII_SPACE)
    return f"<{tag}> {address}" if address else None


#: A `<meta http-equiv="refresh">`'s content as HTML reads it: a delay, then the address the page sends its reader on
#: to (after ";" or ",", an optional `url=`, the address in quotes or not). A page saved or fetched with curl at an
#: address that answers so (a stub left where a story moved, a link shortener's or a news aggregator's page) shows
#: a reader the page it names, and scan read the stub ("no figures found", exit 0). Only a refresh within
#: `_SENT_ON` seconds sends the reader on before they read the page: a live page reloads itself every few minutes,
#: some naming their own address.
_SENT_ON = 60
_REFRESH = re.compile(r"[\t\n\f\r ]*+(?P<delay>\d*+)(?:(?<=\d)|(?=\.))[\d.]*+[;,\t\n\f\r ][\t\n\f\r ]*+"
                      r"[;,]?[\t\n\f\r ]*+(?:url[\t\n\f\r ]*+=[\t\n\f\r ]*+)?(?P<quote>['\"]?)(?P<address>.*)\Z",
                      re.IGNORECASE | re.DOTALL)


def refresh_address(values: dict[str, str]) -> str | None:
    """The address a <meta> refreshing the page within `_SENT_ON` seconds sends its reader on to (`_REFRESH`), else
    None (another <meta>, one that reloads the page itself or waits longer, or one naming no document elsewhere:
    a script's or a `data:` address, which browsers do not open so, or a part of the page itself)."""
    if values.get("http-equiv", "").strip(ASCII_SPACE).lower() != "refresh":
        return None
    found = _REFRESH.match(values.get("content", ""))
    delay = found["delay"].lstrip("0") if found else ""
    if found is None or len(delay) > 2 or int(delay or 0) >= _SENT_ON:
        return None
    address = found["address"]
    if found["quote"]:
        address = address.split(found["quote"], 1)[0]
    address = address.strip(ASCII_SPACE)
    return address if address and not address.lower().startswith((*_NO_DOCUMENT, "#")) else None


def embedded_document(tag: str, values: dict[str, str]) -> str | None:
    """The HTML of the document an <iframe>, <embed> or <object> embeds when the page itself holds it (an iframe's
    srcdoc, which wins over its src; a `data:text/html` address, percent- or base64-encoded, read as UTF-8), else
    None (a document elsewhere, never fetched)."""
    if tag == "iframe" and "srcdoc" in values:
        return values["srcdoc"]
    found = _DATA_HTML.match(values.get(EMBEDDERS[tag], ""))
    if found is None:
        return None
    body = urllib.parse.unquote_to_bytes(found["body"])
    if found["parameters"].lower().rstrip().endswith(";base64"):
        try:
            body = base64.b64decode(body)
        except (binascii.Error, ValueError):
            return None
    return body.decode("utf-8", errors="replace")
