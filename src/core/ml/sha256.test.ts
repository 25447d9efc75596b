import { describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256";

const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("sha256Hex", () => {
  it('gives the FIPS 180-2 test vector for "abc"', async () => {
    expect(await sha256Hex("abc")).toBe(ABC);
  });

  it("hashes the empty input", async () => {
    expect(await sha256Hex("")).toBe(EMPTY);
  });

  it("gives the same digest for a string, its bytes and its ArrayBuffer", async () => {
    const bytes = new TextEncoder().encode("abc");
    expect(await sha256Hex(bytes)).toBe(ABC);
    expect(await sha256Hex(bytes.buffer)).toBe(ABC);
  });

  it("hashes only the viewed part of a Uint8Array", async () => {
    const padded = new Uint8Array([0x78, 0x61, 0x62, 0x63, 0x79]);
    expect(await sha256Hex(padded.subarray(1, 4))).toBe(ABC);
  });

  it("encodes strings as UTF-8", async () => {
    expect(await sha256Hex("é")).toBe(await sha256Hex(new Uint8Array([0xc3, 0xa9])));
  });
});
