// The reporters a run can write and their file names: what the command line
// checks `--reporter` against, without loading the renderers.

export const REPORTERS = ['json', 'junit', 'html', 'markdown'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export const REPORTER_FILES: Readonly<Record<ReporterName, string>> = {
  json: 'report.json',
  junit: 'junit.xml',
  html: 'report.html',
  markdown: 'summary.md',
};

export function isReporter(name: string): name is ReporterName {
  return (REPORTERS as readonly string[]).includes(name);
}
