import { bytesToHex, randomBytes } from "@noble/hashes/utils.js";
import type { Hashing } from "../common/hashing.js";
import { nobleHashing } from "../common/noble-hashing.js";

/**
 * ZEGO's request signature: lower-case hex md5 of the plain concatenation
 * AppId + SignatureNonce + ServerSecret + Timestamp (AppId and Timestamp as decimal text, Timestamp in
 * seconds). Business parameters are not signed. Shared by the signing client and the fake server's check;
 * `hashing` (default @noble/hashes) only changes the speed.
 * https://github.com/ZEGOCLOUD/docs_all/blob/main/snippets/Reuse/SigningTheRequestEN.mdx
 */
export function zegoSignature(
  appId: string | number,
  nonce: string,
  serverSecret: string,
  timestampSec: string | number,
  hashing: Hashing = nobleHashing,
): string {
  return hashing.md5Hex(`${appId}${nonce}${serverSecret}${timestampSec}`);
}

/** What a caller needs to sign one request. */
export interface ZegoSigningInput {
  appId: string | number;
  serverSecret: string;
  /** Unix seconds; the server allows 10 minutes of skew. */
  timestampSec: number;
  /** Random string; default: 16 hex characters (8 random bytes), as the docs generate it. */
  nonce?: string;
}

/** The common query parameters of a signed ZEGO request. */
export interface ZegoSignatureParams {
  AppId: string;
  SignatureNonce: string;
  Timestamp: string;
  Signature: string;
  SignatureVersion: "2.0";
}

/**
 * The signature parameters to add to a request's query (a new nonce per call, as the docs require).
 * https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis
 */
export function zegoSignatureParams(input: ZegoSigningInput, hashing: Hashing = nobleHashing): ZegoSignatureParams {
  const nonce = input.nonce ?? bytesToHex(randomBytes(8));
  const appId = String(input.appId);
  const timestamp = String(Math.trunc(input.timestampSec));
  return {
    AppId: appId,
    SignatureNonce: nonce,
    Timestamp: timestamp,
    Signature: zegoSignature(appId, nonce, input.serverSecret, timestamp, hashing),
    SignatureVersion: "2.0",
  };
}
