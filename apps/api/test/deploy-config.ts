// What deploy/haproxy/haproxy.cfg says, read for the tests: which paths the public listeners send to
// the API, which paths every API-facing listener refuses, the API servers and the variables the file
// needs. One reader, so the static test (deploy-files.test.ts, against the API's own routes) and the
// scale-out test (which runs the same file in a real HAProxy) check the same reading of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const haproxyConfigPath = join(repoRoot, 'deploy/haproxy/haproxy.cfg');

/** One `path` or `path_beg` test: an exact path, or a path prefix (both case-sensitive, as in HAProxy). */
export interface PathMatcher {
  kind: 'path' | 'path_beg';
  values: string[];
}

export interface ProxySection {
  kind: string;
  name: string;
  /** The named defaults section it inherits from (`from NAME`). */
  from: string | null;
  lines: string[];
}

export interface ProxyConfig {
  sections: ProxySection[];
  /** Every `${VAR}` the file reads: all must be set wherever it runs. */
  variables: string[];
  /** The public frontend's test for "this goes to the API" (the ACL `use_backend api` names). */
  apiPaths: PathMatcher[];
  /** What the named frontend refuses outright (its own deny rules and its defaults'). */
  refusedBy(frontend: string): PathMatcher[];
  /** The path the proxy's checks GET on each API process. */
  apiHealthCheckPath: string;
  /** The API backend's servers, each with the variable holding its address. */
  apiServers: { name: string; addressVariable: string }[];
  /** The frontends' listeners: bind variable and its `name` (if any), by frontend. */
  binds: Record<string, { variable: string; name: string | null }[]>;
}

const pathTest = /\{\s*(path|path_beg)\s+([^}]+?)\s*\}/g;

export function readProxyConfig(text = readFileSync(haproxyConfigPath, 'utf8')): ProxyConfig {
  const sections: ProxySection[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      const [kind, name = '', fromWord, from] = line.trim().split(/\s+/);
      sections.push({ kind: kind!, name, from: fromWord === 'from' ? from! : null, lines: [] });
    } else {
      const current = sections.at(-1);
      if (!current) throw new Error(`haproxy.cfg: "${line.trim()}" is outside any section`);
      current.lines.push(line.trim());
    }
  }
  const section = (kind: string, name: string) => {
    const found = sections.find((s) => s.kind === kind && s.name === name);
    if (!found) throw new Error(`haproxy.cfg has no "${kind} ${name}" section`);
    return found;
  };

  const web = section('frontend', 'web');
  const useApi = web.lines.map((l) => /^use_backend api if (\w+)$/.exec(l)).find(Boolean);
  if (!useApi) throw new Error('haproxy.cfg: the web frontend has no "use_backend api if <acl>" line');
  const aclName = useApi[1]!;
  const apiPaths = web.lines
    .map((l) => l.split(/\s+/))
    .filter((words) => words[0] === 'acl' && words[1] === aclName)
    .map((words) => {
      const kind = words[2];
      if (kind !== 'path' && kind !== 'path_beg') throw new Error(`haproxy.cfg: acl ${aclName} uses ${kind}; this reader knows path and path_beg`);
      return { kind, values: words.slice(3) } satisfies PathMatcher;
    });

  const refusedBy = (frontend: string): PathMatcher[] => {
    const chain: ProxySection[] = [];
    for (let s: ProxySection | null = section('frontend', frontend); s; s = s.from ? section('defaults', s.from) : null) chain.push(s);
    return chain.flatMap((s) =>
      s.lines
        .filter((l) => /^http-request deny\b/.test(l))
        .flatMap((l) => [...l.matchAll(pathTest)].map((m) => ({ kind: m[1] as PathMatcher['kind'], values: m[2]!.split(/\s+/) }))),
    );
  };

  const api = section('backend', 'api');
  const check = api.lines.map((l) => /^http-check send meth GET uri (\S+)/.exec(l)).find(Boolean);
  if (!check) throw new Error('haproxy.cfg: backend api has no "http-check send meth GET uri …"');
  const apiServers = api.lines
    .map((l) => /^server (\S+) "\$\{(\w+)\}"/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, addressVariable: m[2]! }));

  const binds: ProxyConfig['binds'] = {};
  for (const s of sections.filter((x) => x.kind === 'frontend')) {
    binds[s.name] = s.lines
      .map((l) => /^bind "\$\{(\w+)\}"(?:.*\bname (\S+))?/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ variable: m[1]!, name: m[2] ?? null }));
  }

  return {
    sections,
    variables: [...new Set([...text.replace(/^\s*#.*$/gm, '').matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!))],
    apiPaths,
    refusedBy,
    apiHealthCheckPath: check[1]!,
    apiServers,
    binds,
  };
}

/** Whether a request path passes these tests, as HAProxy evaluates them (any matcher, any value). */
export function matchesAny(matchers: PathMatcher[], path: string): boolean {
  return matchers.some((m) => m.values.some((v) => (m.kind === 'path' ? path === v : path.startsWith(v))));
}
