// The app locale Chromium settles on at start-up (l10n_util::
// GetApplicationLocale on Linux): the `lang` switch, else the LANGUAGE list,
// else the POSIX locale variables, each resolved against the UI locales
// Chromium ships, falling back to en-US. A new session's spell-check language
// is derived from it when its preferences name none.

import type { App } from '../app/app.ts';

const UI_LOCALES = new Set(
  (
    'af am ar bg bn ca cs da de el en-GB en-US es es-419 et fa fi fil fr gu he hi hr hu id it ja kn ko lt lv ' +
    'ml mr ms nb nl pl pt-BR pt-PT ro ru sk sl sr sv sw ta te th tr uk ur vi zh-CN zh-TW'
  ).split(' '),
);

/** Old ISO codes and the ones Chromium ships under another name. */
const LANGUAGE_ALIASES: Record<string, string> = { no: 'nb', tl: 'fil', iw: 'he', in: 'id' };

/** `de_DE.UTF-8@euro` -> `de-DE`; `C` and `POSIX` are ICU's en-US-POSIX. */
function posixToBcp47(value: string): string {
  const bare = value.split(/[.@]/)[0]!;
  if (bare === 'C' || bare === 'POSIX') return 'en-US';
  return bare.replace(/_/g, '-');
}

/** CheckAndResolveLocale: the UI locale a requested locale maps to, or ''. */
export function resolveUiLocale(requested: string): string {
  if (UI_LOCALES.has(requested)) return requested;
  const [rawLanguage = '', rawRegion = ''] = requested.split('-');
  const language = LANGUAGE_ALIASES[rawLanguage.toLowerCase()] ?? rawLanguage.toLowerCase();
  const region = rawRegion.toLowerCase();
  if (language === 'en') return ['au', 'ca', 'in', 'nz', 'za', 'gb', 'uk'].includes(region) ? 'en-GB' : 'en-US';
  if (language === 'es') return region === 'es' || region === '' ? 'es' : 'es-419';
  if (language === 'pt') return region === 'pt' ? 'pt-PT' : 'pt-BR';
  if (language === 'zh') return ['tw', 'hk', 'mo'].includes(region) ? 'zh-TW' : 'zh-CN';
  return UI_LOCALES.has(language) ? language : '';
}

const locales = new WeakMap<App, string>();

export function appLocale(app: App): string {
  let locale = locales.get(app);
  if (locale === undefined) {
    const env = app.environment;
    const candidates = app.commandLine.hasSwitch('lang')
      ? [app.commandLine.getSwitchValue('lang')]
      : [...(env.LANGUAGE ? env.LANGUAGE.split(':') : []), posixToBcp47(env.LC_ALL || env.LC_MESSAGES || env.LANG || 'C')];
    locale = candidates.map((c) => resolveUiLocale(posixToBcp47(c))).find(Boolean) ?? 'en-US';
    locales.set(app, locale);
  }
  return locale;
}
