import type { MinifyOptions } from 'terser';
import type { InlineConfig } from 'vite';
import type { Entrypoint } from 'wxt';

export const TERSER_OPTIONS: MinifyOptions;
/** The syntax level of the injected scripts (a language level: regex literals stay as written). */
export const INJECTED_TARGET: string;
/** The syntax level of the extension's own pages and workers, where finalize runs: the same. */
export const PAGES_TARGET: string;
/** esbuild's minifier first (as Vite's default), then Terser's compress passes over its output. */
export function minifyInjected(code: string): Promise<string>;
/** True when WXT builds one of the scripts that run inside web pages. */
export function isInjected(entrypoints: readonly Entrypoint[]): boolean;
/** For WXT's `vite:build:extendConfig` hook: minifies the injected entrypoints' builds with minifyInjected. */
export function minifyInjectedBuilds(entrypoints: readonly Entrypoint[], config: InlineConfig): void;
