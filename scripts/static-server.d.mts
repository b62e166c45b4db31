export interface StaticServer {
  /** Origin such as http://127.0.0.1:41234 */
  origin: string;
  port: number;
  /** URL of a served file on any host name (e2e maps every host to 127.0.0.1). */
  url(path: string, host?: string): string;
  close(): Promise<void>;
}
/** Serves `root` on 127.0.0.1 only; `mounts` maps URL prefixes ("/peer/") to other folders. */
export function startStaticServer(root: string, mounts?: Record<string, string>): Promise<StaticServer>;
