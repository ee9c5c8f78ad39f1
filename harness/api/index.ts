// The public harness API (`session-conformance/harness`): what spec authors
// and adapter writers import.

export * from '../../contract/capabilities.ts';
export * from './driver.ts';
export * from './harness-error.ts';
export * from './spec-meta.ts';
export * from './status.ts';
export type * from './target.ts';
export type { AdapterSpec, RunContext } from './run-context.ts';
export {
  useTarget,
  invokeMember,
  type LaunchOptions,
  type SpecHandle,
  type TestMeta,
  type UseTargetOptions,
} from './spec-runtime.ts';
