#!/usr/bin/env python3
"""Renders report-card pages in headless Chromium and reports what the browser built.

Usage: check_pages.py SPEC.json
SPEC: {"screenshots": DIR, "widths": [390, 1280],
       "pages": [{"name": "area", "path": "/abs/areas/202.html"}, ...]}

Prints one JSON object: {"results": [{page, width, ...facts}]}. The Swift test (BrowserTests.swift)
decides what the facts must be; this script only measures, so it never needs to know the data.
Each page is parsed by html5lib (the WHATWG algorithm) for parse errors, loaded from file:// at each width (phone widths with mobile emulation), screenshotted
(first screen, the indicator table and the top of the full page) and printed to an A4 PDF.
"""
import base64
import json
import os
import sys

import html5lib
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.print_page_options import PrintOptions

FACTS = r"""
const main = document.querySelector('#indicator-table');
const rows = main ? [...main.querySelectorAll('tbody tr[data-indicator]')] : [];
const charts = [...document.querySelectorAll('svg.chart')];
const visible = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
const labelled = (svg) => svg.getAttribute('role') === 'img' && (svg.getAttribute('aria-label') || '').length > 20;
const cells = [...document.querySelectorAll('td.value')];
// WCAG contrast of every piece of text against the first opaque background behind it.
const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
const background = (e) => {
  for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0) return c.slice(0, 3); }
  return [255, 255, 255];
};
const lowContrast = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const e = n.parentElement;
  if (!n.textContent.trim() || !visible(e) || e.closest('svg.chart')) continue;
  const style = getComputedStyle(e);
  const [a, b] = [lum(rgb(style.color)), lum(background(e))];
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) lowContrast.push(e.tagName + ' ' + ratio.toFixed(2) + ' ' + n.textContent.trim().slice(0, 30));
}
const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1]));
return {
  title: document.title,
  lang: document.documentElement.lang,
  lowContrast: lowContrast.slice(0, 10),
  headingLevels: levels,
  headersWithoutScope: [...document.querySelectorAll('th')].filter(th => !th.getAttribute('scope')).length,
  h1: (document.querySelector('h1') || {}).textContent || '',
  mainRows: rows.map(r => r.dataset.indicator),
  mainRowsVisible: rows.filter(visible).length,
  mainRowCharts: rows.filter(r => r.querySelector('svg.chart')).length,
  charts: charts.length,
  chartsVisible: charts.filter(visible).length,
  chartsLabelled: charts.filter(labelled).length,
  suppressedValues: cells.filter(c => c.textContent.trim() === 'c \u2014 too few pupils to publish').length,
  tablesWithCaption: [...document.querySelectorAll('table')].filter(t => t.caption && t.caption.textContent.trim()).length,
  tables: document.querySelectorAll('table').length,
  scripts: document.querySelectorAll('script').length,
  stylesheetLoaded: [...document.styleSheets].some(s => { try { return s.cssRules.length > 0; } catch (e) { return false; } }),
  viewportWidth: window.innerWidth,
  scrollWidth: document.documentElement.scrollWidth,
  scrollHeight: document.documentElement.scrollHeight,
  bodyFontPx: parseFloat(getComputedStyle(document.body).fontSize),
};
"""


def metrics(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def main():
    spec = json.load(open(sys.argv[1]))
    out = spec["screenshots"]
    os.makedirs(out, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--hide-scrollbars", "--force-device-scale-factor=1", "--allow-file-access-from-files"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    results = []
    try:
        for page in spec["pages"]:
            for width in spec["widths"]:
                height = 844 if width < 600 else 900
                metrics(driver, width, height)
                driver.get("file://" + page["path"])
                facts = driver.execute_script(FACTS)
                stem = os.path.join(out, f"{page['name']}-{width}")
                driver.save_screenshot(stem + "-screen.png")
                # The first screen of the indicator table, where the charts start.
                driver.execute_script("document.getElementById('indicators').scrollIntoView()")
                driver.save_screenshot(stem + "-indicators.png")
                driver.execute_script("window.scrollTo(0, 0)")
                # The top of the whole page, capped so a long breakdown section stays a viewable image.
                metrics(driver, width, min(facts["scrollHeight"], 4000))
                driver.save_screenshot(stem + "-full.png")
                facts.update(page=page["name"], width=width, screenshot=stem + "-screen.png")
                # The WHATWG parser's own complaints (stray or unclosed tags, bad nesting), independent of Chromium.
                parser = html5lib.HTMLParser(strict=False)
                with open(page["path"], "rb") as f:
                    parser.parse(f.read())
                facts["parseErrors"] = [f"{pos}: {code} {data}" for pos, code, data in parser.errors][:10]
                if width == spec["widths"][-1]:
                    options_a4 = PrintOptions()
                    options_a4.page_width, options_a4.page_height = 21.0, 29.7
                    pdf = base64.b64decode(driver.print_page(options_a4))
                    with open(stem + ".pdf", "wb") as f:
                        f.write(pdf)
                    facts["pdfBytes"] = len(pdf)
                    facts["pdfPages"] = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
                    # The print stylesheet at A4's width (210 mm at 96 dpi), for people to look at.
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
                    metrics(driver, 794, 4000)
                    driver.save_screenshot(stem + "-print.png")
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
                results.append(facts)
    finally:
        driver.quit()
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
