// The e2e tests and `npm start` share one static server (scripts/static-server.mjs).
export { type StaticServer, startStaticServer } from '../../scripts/static-server.mjs';
