#!/usr/bin/env python3
# Usage (from the repository root, after ContractExamplesTest has run):
#   python3 engine/src/test/contract/copy-run-examples.py engine/src/main/resources/openapi.yaml engine/target/contract-run.json
# An answer is copied only where the contract has no example yet; delete one to have it replaced.
"""Copies the answers of a ContractExamplesTest run (target/contract-run.json) into openapi.yaml as
response examples: the first answer per operation and status, lists cut to two items."""
import json, re, sys

yaml_path, run_path = sys.argv[1], sys.argv[2]
lines = open(yaml_path, encoding='utf-8').read().split('\n')
run = json.load(open(run_path, encoding='utf-8'))

def trim(v):
    if isinstance(v, list):
        return [trim(x) for x in v[:2]]
    if isinstance(v, dict):
        return {k: trim(x) for k, x in v.items()}
    return v

def indent(s):
    return len(s) - len(s.lstrip(' '))

def block_end(start):
    base = indent(lines[start])
    i = start + 1
    while i < len(lines) and (lines[i].strip() == '' or indent(lines[i]) > base):
        i += 1
    return i

def find(key, start, end, ind):
    for i in range(start, end):
        if indent(lines[i]) == ind and (lines[i].strip().startswith(key + ':')):
            return i
    return None

def insert_after_schema(status_line, value, name='fromRun'):
    end = block_end(status_line)
    for i in range(status_line, end):
        s = lines[i].strip()
        if s.startswith('examples:') or s.startswith('example:'):
            return False
    content = next((i for i in range(status_line, end) if lines[i].strip() == 'content:'), None)
    if content is None:
        return False
    for i in range(content, end):
        if lines[i].strip().startswith('schema:'):
            ind = indent(lines[i])
            j = block_end(i)
            text = json.dumps(value, ensure_ascii=False)
            lines[j:j] = [' ' * ind + 'examples:', ' ' * (ind + 2) + name + ':',
                          ' ' * (ind + 4) + 'summary: As the engine answered in a test run',
                          ' ' * (ind + 4) + 'value: ' + text]
            return True
    return False

done = set()
for e in run:
    paths_line = find('paths', 0, len(lines), 0)
    comp_line = find('components', 0, len(lines), 0)
    comp_resp = find('responses', comp_line, len(lines), 2)
    op, status, body = e['operation'], e['status'], e['body']
    if (op, status) in done or not isinstance(body, (dict, list)):
        continue
    done.add((op, status))
    method, path = op.split(' ', 1)
    p = find("'" + path + "'", paths_line, comp_line, 2) or find(path, paths_line, comp_line, 2)
    if p is None:
        print('no path', path); continue
    m = find(method.lower(), p, block_end(p), 4)
    r = find('responses', m, block_end(m), 6)
    st = find("'" + str(status) + "'", r, block_end(r), 8)
    if st is None:
        print('no status', op, status); continue
    ref = re.search(r"\$ref: '#/components/responses/(\w+)'", lines[st])
    if ref:
        c = find(ref.group(1), comp_resp, block_end(comp_resp), 4)
        if insert_after_schema(c, trim(body)):
            print('component', ref.group(1), 'from', op, status)
        continue
    if insert_after_schema(st, trim(body)):
        print('example', op, status)
open(yaml_path, 'w', encoding='utf-8').write('\n'.join(lines))
