import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";

/** Just enough CBOR (RFC 8949) for an attestation object and a COSE key. */
function cbor(value: unknown): Buffer {
  const head = (major: number, length: number): Buffer => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 256) return Buffer.from([(major << 5) | 24, length]);
    if (length < 65536) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
    const out = Buffer.alloc(5);
    out[0] = (major << 5) | 26;
    out.writeUInt32BE(length, 1);
    return out;
  };
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as object);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();
const b64url = (data: Buffer) => data.toString("base64url");

export type Credential = { id: Buffer; privateKey: KeyObject; userHandle: string; counter: number };

type CreationOptions = { challenge: string; rp: { id?: string }; user: { id: string } };
type RequestOptions = { challenge: string; rpId?: string };

/** What the answer is made for; a test changes one to see it refused. */
export type Ceremony = { origin?: string; rpId?: string; counter?: number; userVerified?: boolean; challenge?: string };

/**
 * A software authenticator, as a browser with a platform passkey answers: ES256 keys made with node's
 * crypto, attestation "none", and real signatures over authenticator data and the client data hash.
 */
export class SoftAuthenticator {
  constructor(readonly origin: string) {}

  /** navigator.credentials.create() for these options: answers the RegistrationResponseJSON and the new key. */
  create(optionsJson: string, ceremony: Ceremony = {}): { response: string; credential: Credential } {
    const options = JSON.parse(optionsJson) as CreationOptions;
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const coseKey = cbor(
      new Map<number, number | Buffer>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x as string, "base64url")],
        [-3, Buffer.from(jwk.y as string, "base64url")],
      ]),
    );
    const id = randomBytes(32);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    const authData = Buffer.concat([
      this.authDataHead(ceremony.rpId ?? options.rp.id ?? "", 0x40, ceremony, 0),
      Buffer.alloc(16),
      length,
      id,
      coseKey,
    ]);
    const clientData = this.clientData("webauthn.create", ceremony.challenge ?? options.challenge, ceremony);
    const response = {
      id: b64url(id),
      rawId: b64url(id),
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: b64url(clientData),
        attestationObject: b64url(cbor({ fmt: "none", attStmt: {}, authData })),
        transports: ["internal"],
      },
    };
    return {
      response: JSON.stringify(response),
      credential: { id, privateKey, userHandle: options.user.id, counter: 0 },
    };
  }

  /** navigator.credentials.get() with `credential` for these options: answers the AuthenticationResponseJSON. */
  get(optionsJson: string, credential: Credential, ceremony: Ceremony = {}): string {
    const options = JSON.parse(optionsJson) as RequestOptions;
    const counter = ceremony.counter ?? ++credential.counter;
    const authData = this.authDataHead(ceremony.rpId ?? options.rpId ?? "", 0, ceremony, counter);
    const clientData = this.clientData("webauthn.get", ceremony.challenge ?? options.challenge, ceremony);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), credential.privateKey);
    return JSON.stringify({
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
    });
  }

  private authDataHead(rpId: string, extraFlags: number, ceremony: Ceremony, counter: number): Buffer {
    // UP, plus UV unless the test says the person was not verified.
    const flags = 0x01 | (ceremony.userVerified === false ? 0 : 0x04) | extraFlags;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count]);
  }

  private clientData(type: string, challenge: string, ceremony: Ceremony): Buffer {
    return Buffer.from(
      JSON.stringify({ type, challenge, origin: ceremony.origin ?? this.origin, crossOrigin: false }),
      "utf8",
    );
  }
}
