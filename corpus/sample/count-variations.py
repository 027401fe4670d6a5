#!/usr/bin/env python3
"""Counts the layout variations of the development sample, from the articles and bitext's TEI of them.

Usage: count-variations.py ARTICLES_DIR OUT_DIR   (OUT_DIR: what `bitext run ARTICLES_DIR --ext md -o OUT_DIR` wrote)
Prints one Markdown table row per variation: its name and how many articles show it.
"""
import json, os, re, sys
import xml.etree.ElementTree as ET

NS = '{http://www.tei-c.org/ns/1.0}'
XMLID = '{http://www.w3.org/XML/1998/namespace}id'
arts, out = sys.argv[1], sys.argv[2]
report = json.load(open(os.path.join(out, 'report.json'), encoding='utf-8'))
warn = {}
for e in report['inputs']:
    for w in e.get('warnings', []):
        warn.setdefault(os.path.basename(e['input']), set()).add(re.search(r'\[([a-z-]+)\]$', w).group(1))

counts = {}
def count(name, cond):
    counts[name] = counts.get(name, 0) + (1 if cond else 0)

names = sorted(f[:-3] for f in os.listdir(arts) if f.endswith('.md'))
for n in names:
    raw = open(os.path.join(arts, n + '.md'), encoding='utf-8', newline='').read()
    lines = raw.split('\n')
    tei = ET.parse(os.path.join(out, 'tei', n + '.xml')).getroot()
    bibl = tei.find(f'.//{NS}sourceDesc/{NS}bibl')
    rend = (bibl.get('rend') or '').split()
    zh = tei.find(f'.//{NS}div[@type="original"]')
    en = tei.find(f'.//{NS}div[@type="translation"]')
    hr = next(i for i, l in enumerate(lines) if l.strip(' \t\u00a0\u3000') == '<hr />')
    en_lines, zh_lines = lines[:hr], lines[hr:]
    gloss = tei.find(f'.//{NS}div[@type="glossary"]')
    items = gloss.findall(f'.//{NS}item') if gloss is not None else []
    plinks = [l for g in tei.iter(NS + 'linkGrp') if g.get('subtype') == 'paragraph' for l in g]
    w = warn.get(n + '.md', set())
    count('English header says `Edition:` (not `Page:`)', any(l.startswith('Edition:') for l in lines[:8]))
    count('blank lines between the English header lines', 'blank-after-title' in rend or 'blank-after-author' in rend)
    count('no blank line between the English header and body', not any(t in rend for t in ('blank-after-date',)) and
          (en.find('*') is not None and 'blank-before' not in (en.find('*').get('rend') or '')))
    count('English column line after `Page:`', bibl.find(f'{NS}note[@type="column"][@{{http://www.w3.org/XML/1998/namespace}}lang="en"]') is not None)
    count('trailing white space on the `<hr />` or `Original:` line', bool(re.search(r'<hr />[ \t\u00a0]+$', lines[hr])) or
          any(re.match(r'^Original:[ \t\u00a0]+$', l) for l in zh_lines[:4]))
    count('English body does not repeat the title (no English `head`)', en.find(f'{NS}head') is None)
    count('Chinese body does not repeat the title (no Chinese `head`)', zh.find(f'{NS}head') is None)
    count('title repeated on one side only', (en.find(f'{NS}head') is None) != (zh.find(f'{NS}head') is None))
    count('Chinese author line in the header', bool(bibl.findall(f'{NS}author')))
    count('byline in the body', tei.find(f'.//{NS}byline') is not None)
    count('section named in `第N版(…)`', bool(re.search(r'第\d+版\(.+\)', raw)))
    count('`专栏：` names a column', bool(re.search(r'^专栏：\S', raw, re.M)))
    count('line pushed right (credit, signature, date)', any('right' in (e.get('rend') or '') for e in tei.iter()))
    count('line indented with a tab', any(l.startswith('\t') for l in lines))
    count('line indented with ideographic spaces', any(l.startswith('\u3000') for l in lines))
    count('unindented English body lines', any(l and not l[0].isspace() for l in en_lines[5:] if l.strip() and
          not l.startswith(('**', '<hr', 'Title:', 'Author:', 'Date:', 'Page:', 'Edition:'))))
    count('bulleted lines (`- ` / `▲`)', tei.find(f'.//{NS}list[@type="bulleted"]') is not None)
    count('Markdown bold or italic in the English', en.find(f'.//{NS}hi') is not None)
    count('dateline (`【…】`, `[…]`) opening the first paragraph', tei.find(f'.//{NS}seg[@type="dateline"]') is not None)
    count('full-width digits', bool(re.search('[０-９]', raw)))
    count('`**Named Entities**` glossary', gloss is not None)
    count('glossary entry split at one space where the script changes',
          any(i.find(f'{NS}term') is not None and (i.find(f'{NS}term').tail or '') == ' ' for i in items))
    count('glossary entry split at a tab', any('\t' in (i.find(f'{NS}term').tail or '') for i in items if i.find(f'{NS}term') is not None))
    count('glossary sub-heading (`**People**`, `Places:`): warns', 'glossary-subheading' in w)
    count('other glossary line that is not term and gloss: warns', 'glossary-line' in w)
    count('glossary heading without entries: warns', 'glossary-empty' in w)
    count('paragraph counts differ between the sides (aligned by length)',
          len([x for x in zh if x.get(XMLID)]) != len([x for x in en if x.get(XMLID)]))
    count('some unit left unaligned (`ptr type="unaligned"`)', any(l.tag == NS + 'ptr' for l in plinks))
    count('one link of the whole sides (lengths paired nothing)',
          len(plinks) == 1 and plinks[0].get('cert') is not None and len(plinks[0].get('target').split()) == len(
              [x for x in tei.iter() if x.get(XMLID) and re.fullmatch(r'(zh|en)-[hbpi]\d+', x.get(XMLID))]))
ENC = {
    'English header says `Edition:` (not `Page:`)': '`biblScope unit="page"` text `Edition 2`',
    'blank lines between the English header lines': '`bibl/@rend` tokens `blank-after-title` …',
    'no blank line between the English header and body': 'first body unit without `rend="blank-before"`',
    'English column line after `Page:`': '`note type="column" xml:lang="en"` in `bibl`',
    'trailing white space on the `<hr />` or `Original:` line': 'not kept (layout line; no-break spaces too)',
    'English body does not repeat the title (no English `head`)': 'body lines are `p`; the title is in the header',
    'Chinese body does not repeat the title (no Chinese `head`)': 'body lines are `p`; the title is in the header',
    'title repeated on one side only': '`head` on that side; unaligned unless the other side has no unit of that kind and a unit of another one only (then aligned across kinds)',
    'Chinese author line in the header': '`author xml:lang="zh-Hans"` in `bibl`',
    'byline in the body': '`byline`, aligned with bylines',
    'section named in `第N版(…)`': '`note type="section"`',
    '`专栏：` names a column': '`note type="column" xml:lang="zh-Hans"`',
    'line pushed right (credit, signature, date)': '`p rend="right"`',
    'line indented with a tab': 'indent not kept (line trimmed)',
    'line indented with ideographic spaces': 'indent not kept (line trimmed)',
    'unindented English body lines': '`p` as any other line',
    'bulleted lines (`- ` / `▲`)': '`list type="bulleted"` of `label` + `item`',
    'Markdown bold or italic in the English': '`hi rend="bold|italic"`',
    'dateline (`【…】`, `[…]`) opening the first paragraph': '`seg type="dateline"`',
    'full-width digits': 'verbatim',
    '`**Named Entities**` glossary': '`back/div type="glossary"/list type="glossary"`',
    'glossary entry split at one space where the script changes': '`item`: `term`, the space, `gloss`',
    'glossary entry split at a tab': '`item`: `term`, the tab, `gloss`',
    'glossary sub-heading (`**People**`, `Places:`): warns': '`item` holding the line verbatim',
    'other glossary line that is not term and gloss: warns': '`item` holding the line verbatim',
    'glossary heading without entries: warns': 'the glossary `div` holds the `head` alone',
    'paragraph counts differ between the sides (aligned by length)': 'Gale & Church beads with `@cert`',
    'some unit left unaligned (`ptr type="unaligned"`)': '`ptr type="unaligned"`',
    'one link of the whole sides (lengths paired nothing)': 'one `link` of all units, `@cert` = length match',
}
print(f'| variation | articles (of {len(names)}) | TEI | warns |')
print('|---|---|---|---|')
for k, v in counts.items():
    print(f'| {k} | {v} | {ENC[k]} | {"yes" if "warns" in k else "no"} |')
