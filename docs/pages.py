#!/usr/bin/env python3
"""Lays out the docfx site's conceptual pages in artifacts/docs-src (docs/build.sh runs it).

The text lives once, where readers of the repository find it: README.md is cut at its headings into
pages (a new '## ' section becomes a page of its own, with no change here), and the other guides
(docs/*.md, the playground's API.md, the lab's README) are copied. Links are rewritten to where each
target now lives; a link to a file the site does not hold points at the repository.
"""
import os, re, shutil, sys

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
out = os.path.join(root, 'artifacts', 'docs-src')
props = open(os.path.join(root, 'src', 'Directory.Build.props'), encoding='utf-8').read()
# The repository's public address, if a release sets one (src/Directory.Build.props, or DESCENT_REPOSITORY_URL);
# without it a link to a file the site does not hold stays a plain path.
found = re.search(r'<DescentRepositoryUrl>([^<$]+)</DescentRepositoryUrl>', props)
repo_url = (os.environ.get('DESCENT_REPOSITORY_URL') or (found.group(1) if found else '')).rstrip('/')

# README headings that open a page of their own: '## X' always; these '### X' too. Title, then file name.
SUBPAGES = {
    'In your own code': 'own-code.md',
    'Your own rule, typed': 'typed-rules.md',
    'Adding a rule': 'adding-a-rule.md',
    'The playground': 'playground.md',
}
NAMES = {
    'The two commands': ('The gallery and the tests', 'gallery.md'),
    'As an installed tool and packages': ('The descent tool and the packages', 'install.md'),
    'Optimizers': ('Optimizers and the spec language', 'specs.md'),
    'Conventions': ('Conventions', 'conventions.md'),
    'CLI': ('The descent command', 'cli.md'),
}
# The other guides: repository path -> (title, path in the site).
GUIDES = [
    ('docs/packaging.md', 'Packages, versions and the public API', 'guide/packaging.md'),
    ('src/Descent.Web/API.md', "The playground's JSON API", 'src/Descent.Web/API.md'),
    ('src/Descent.Lab/README.md', 'The lab: experiments as data', 'src/Descent.Lab/README.md'),
    ('docs/fuzzing.md', 'Property and fuzz tests', 'guide/fuzzing.md'),
    ('CHANGELOG.md', 'Changelog', 'guide/changelog.md'),
]

def slug(title):
    return re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')

def anchor(heading):
    # GitHub's and docfx's anchors: lower case, punctuation dropped, spaces to '-'.
    return re.sub(r'[^\w\- ]', '', heading.strip().lower()).replace(' ', '-')

# --- cut README.md into pages -------------------------------------------------------------------
readme = open(os.path.join(root, 'README.md'), encoding='utf-8').read().replace('\r\n', '\n')
pages = []            # [site path, title, lines]
current = ['index.md', 'Descent', []]
pages.append(current)
in_code = False
for line in readme.split('\n'):
    if line.startswith('```'):
        in_code = not in_code
    if not in_code and line.startswith('## ') and current[0] == 'index.md' and line[3:].strip() == 'Install':
        pass
    elif not in_code and (line.startswith('## ') or (line.startswith('### ') and line[4:].strip() in SUBPAGES)):
        heading = line.split(' ', 1)[1].strip()
        if heading in SUBPAGES:
            title, name = heading, SUBPAGES[heading]
        else:
            title, name = NAMES.get(heading, (heading, slug(heading) + '.md'))
        current = ['guide/' + name, title, ['# ' + title]]
        pages.append(current)
        continue
    current[2].append(line)

# Which page holds each README anchor, for '(#conventions)' links.
anchors = {}
for path, _, lines in pages:
    code = False
    for line in lines:
        if line.startswith('```'):
            code = not code
        m = None if code else re.match(r'#{1,6} (.+)', line)
        if m:
            anchors.setdefault(anchor(m.group(1)), path)
for line in readme.split('\n'):
    m = re.match(r'#{2,3} (.+)', line)
    if m and m.group(1).strip() in SUBPAGES:
        anchors[anchor(m.group(1))] = 'guide/' + SUBPAGES[m.group(1).strip()]
    elif m and m.group(1).strip() in NAMES:
        anchors[anchor(m.group(1))] = 'guide/' + NAMES[m.group(1).strip()][1]

placed = {'README.md': 'index.md'}
placed.update({src: dest for src, _, dest in GUIDES})
resources = []

def rewrite(text, source, dest):
    """Links in `text` (from repository file `source`) as seen from the site page `dest`."""
    def fix(m):
        label, target = m.group(1), m.group(2)
        if re.match(r'[a-z]+:', target):
            return m.group(0)
        path, _, frag = target.partition('#')
        if not path:
            if source == 'README.md' and frag in anchors:
                page = anchors[frag]
                link = os.path.relpath(page, os.path.dirname(dest) or '.')
                return f'{label}({link}#{frag})'
            return m.group(0)
        repo_path = os.path.normpath(os.path.join(os.path.dirname(source), path))
        if repo_path in placed:
            site = placed[repo_path]
        elif os.path.splitext(repo_path)[1] in ('.png', '.svg', '.gif') and os.path.isfile(os.path.join(root, repo_path)):
            site = repo_path
            resources.append(repo_path)
        else:
            if not repo_url:
                text = label[2:-1] if label.startswith('!') else label[1:-1]
                return f'{text} (`{repo_path}` in the repository)'
            kind = 'tree' if os.path.isdir(os.path.join(root, repo_path)) else 'blob'
            return f'{label}({repo_url}/{kind}/main/{repo_path}' + (f'#{frag}' if frag else '') + ')'
        link = os.path.relpath(site, os.path.dirname(dest) or '.')
        return f'{label}({link}' + (f'#{frag}' if frag else '') + ')'
    return re.sub(r'(!?\[[^\]]*\])\(([^)\s]+)\)', fix, text)

if os.path.isdir(out):
    shutil.rmtree(out)
os.makedirs(os.path.join(out, 'guide'))

def write(dest, text):
    full = os.path.join(out, dest)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text.rstrip('\n') + '\n')

toc = []
for path, title, lines in pages:
    write(path, rewrite('\n'.join(lines), 'README.md', path))
    toc.append((title, path))
for source, title, dest in GUIDES:
    text = open(os.path.join(root, source), encoding='utf-8').read()
    write(dest, rewrite(text, source, dest))
    toc.append((title, dest))
for resource in sorted(set(resources)):
    os.makedirs(os.path.dirname(os.path.join(out, resource)), exist_ok=True)
    shutil.copyfile(os.path.join(root, resource), os.path.join(out, resource))

def yml(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
with open(os.path.join(out, 'guide', 'toc.yml'), 'w', encoding='utf-8') as f:
    for title, path in toc:
        f.write(f'- name: {yml(title)}\n  href: {yml(os.path.relpath(path, "guide"))}\n')
with open(os.path.join(out, 'toc.yml'), 'w', encoding='utf-8') as f:
    f.write('- name: Guide\n  href: guide/\n  homepage: guide/gallery.md\n- name: API reference\n  href: api/\n')
print(f'pages: {len(toc)} in {os.path.relpath(out, root)}', file=sys.stderr)
