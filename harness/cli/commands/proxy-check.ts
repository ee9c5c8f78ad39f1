// `proxy-check`: how Chromium resolves a proxy configuration for some URLs.
// Shows the reference's answer with the reasoning behind it (the parsed
// configuration, the bypass rule or list that decided, what a PAC script was
// given), and, when a Chromium binary is installed, what real Chromium
// answers for the same configuration, marking any difference. Schemes the
// app would register as standard (--standard-scheme) are read as the
// reference's sessions read them, both for the answer and its reasoning;
// Chromium has no such registrations, so it is not asked then.

import { parseArgs } from 'node:util';
import { findChromium } from '../../chromium/find-chromium.ts';
import { resolveFixedServersWithChromium, resolvePacWithChromium, type CaseAnswers } from '../../chromium/proxy-oracle.ts';
import { isEraId, type EraId } from '../../../contract/eras/eras.ts';
import { UsageError } from '../options.ts';
import type { Command } from './command.ts';
import {
  preferenceFromSetProxy,
  explainStatic,
  describeNetConfig,
  fetchPacScript,
  noPrivileges,
  ProxyConfigService,
  UrlSchemes,
} from '../../../reference/testing.ts';

/** What registerSchemesAsPrivileged({ standard: true }) would register for each scheme. */
function standardSchemes(names: readonly string[]): UrlSchemes {
  const schemes = new UrlSchemes();
  for (const name of names) {
    if (!/^[a-z][a-z0-9+.-]*$/.test(name)) throw new UsageError(`"${name}" is not a scheme name (lowercase, e.g. app)`);
    schemes.addPrivileged(name, { ...noPrivileges(), standard: true });
  }
  return schemes;
}

async function chromiumAnswers(
  executable: string,
  rules: string | undefined,
  bypass: string,
  pac: string | undefined,
  urls: string[],
): Promise<CaseAnswers> {
  if (pac !== undefined) {
    const fetched = await fetchPacScript(pac, { allowFile: true });
    if (!fetched.ok) throw new UsageError(`cannot read the PAC script: net::${fetched.error}`);
    return resolvePacWithChromium({ script: fetched.text, urls }, { executable });
  }
  const { answers } = await resolveFixedServersWithChromium([{ server: rules ?? '', bypassList: bypass, urls }], { executable });
  return answers[0]!;
}

async function proxyCheck(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rules: { type: 'string' },
      bypass: { type: 'string', default: '' },
      pac: { type: 'string' },
      mode: { type: 'string' },
      era: { type: 'string', default: 'current' },
      'standard-scheme': { type: 'string', multiple: true, default: [] },
      'skip-chromium': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (!positionals.length) throw new UsageError('proxy-check needs at least one URL');
  const notUrl = positionals.find((url) => !URL.canParse(url));
  if (notUrl !== undefined) throw new UsageError(`"${notUrl}" is not a URL (give absolute URLs, e.g. http://intranet/)`);
  if (!isEraId(values.era)) throw new UsageError(`unknown era "${values.era}"`);
  const era: EraId = values.era;
  const options: Record<string, string> = { proxyBypassRules: values.bypass! };
  if (values.rules !== undefined) options.proxyRules = values.rules;
  if (values.pac !== undefined) options.pacScript = values.pac;
  if (values.mode !== undefined) options.mode = values.mode;

  const pref = preferenceFromSetProxy(options, era === 'legacy' ? 'e9' : era);
  if ('error' in pref) throw new UsageError(pref.error);
  const registered = values['standard-scheme']!;
  const registeredSchemes = standardSchemes(registered);
  const service = new ProxyConfigService({ era, env: process.env, registeredSchemes });
  service.setPreference(pref);
  const ours: string[] = [];
  for (const url of positionals) ours.push(await service.lookUpPacString(url));

  const askChromium = !values['skip-chromium'] && registered.length === 0;
  const executable =
    askChromium && (values.mode === undefined || ['fixed_servers', 'pac_script'].includes(values.mode))
      ? findChromium()
      : undefined;
  const theirs = executable
    ? await chromiumAnswers(executable, values.rules, values.bypass!, values.pac, positionals)
    : undefined;
  const diagnostics = service.pacDiagnostics;
  service.shutdown();

  const report = positionals.map((url, i) => ({
    url,
    reference: ours[i]!,
    ...(theirs ? { chromium: theirs[i] ?? null } : {}),
    steps: explainStatic(service.config, url, registeredSchemes),
  }));
  if (values.json) {
    console.log(
      JSON.stringify({ era, configuration: describeNetConfig(service.config), pac: diagnostics, results: report }, null, 2),
    );
  } else {
    console.log(`era ${era} · configuration ${JSON.stringify(describeNetConfig(service.config))}`);
    if (diagnostics.fetchError) console.log(`PAC fetch failed: net::${diagnostics.fetchError}`);
    if (diagnostics.scriptError) console.log(`PAC script error: ${diagnostics.scriptError}`);
    for (const r of report) {
      const verdict =
        theirs === undefined
          ? ''
          : r.chromium === null
            ? '  (Chromium made no request for it)'
            : r.chromium === r.reference
              ? '  = Chromium'
              : `  ≠ Chromium: ${JSON.stringify(r.chromium)}`;
      console.log(`\n${r.url}\n  ${JSON.stringify(r.reference)}${verdict}`);
      for (const step of r.steps) console.log(`    · ${step}`);
    }
    if (!executable && askChromium)
      console.log('\n(no Chromium binary found, or a mode Chromium is not asked about: reference answers only)');
    if (registered.length > 0 && !values['skip-chromium'])
      console.log('\n(Chromium is not asked: it has no registered standard schemes: reference answers only)');
  }
  const disagreements = report.filter((r) => 'chromium' in r && r.chromium !== null && r.chromium !== r.reference).length;
  return disagreements ? 1 : 0;
}

export const proxyCheckCommand: Command = {
  name: 'proxy-check',
  usage: `proxy-check  how Chromium resolves a proxy configuration for URLs   <url>...
             --rules <proxyRules>       fixed proxy rules, as setProxy takes them
             --bypass <rules>           proxyBypassRules
             --pac <url>                a PAC script (http, https, data: or file:)
             --mode <mode>              setProxy's mode
             --era <id>                 which era's Chromium behaviour (default: current)
             --standard-scheme <s>      a scheme the app registers as standard (repeatable)
             --skip-chromium            do not ask the installed Chromium
             --json                     machine-readable output`,
  run: proxyCheck,
};
