export function allDocsPages(dbUrl: string, headers: Record<string, string>, size?: number): AsyncGenerator<unknown[]>;
export function ahead<T>(pages: AsyncIterable<T>): AsyncGenerator<T>;
