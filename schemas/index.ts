export * from "./registry.js";
export * from "./common/endpoint.js";
export * from "./common/errors.js";
export * from "./common/limits.js";
export * from "./common/sourced.js";
