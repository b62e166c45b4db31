export const SEED: string;
/** "sealed" or "dev" for a corpus page id. */
export function splitOf(id: string): 'sealed' | 'dev';
