/**
 * Issue 18: what a folder of manifests may hold besides manifests. Hidden entries and editor files are
 * skipped, a broken link named like a manifest is named in the error, and a file that is not UTF-8 is
 * reported with the offset of its first bad byte instead of being read with U+FFFD in place of it.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFailure } from "./pipeline.js";
import { loadManifests } from "nodefit/kubernetes";

const root = mkdtempSync(join(tmpdir(), "nodefit-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NODE = "apiVersion: v1\nkind: Node\nmetadata: { name: a }\n";

/** A fresh folder holding `node.yaml` and whatever `fill` adds. */
function folder(name: string, fill: (dir: string) => void): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "node.yaml"), NODE);
  fill(dir);
  return dir;
}

const failure = loadFailure;

describe("folders", () => {
  it("an editor lock file (.#x.yaml, a dangling link as Emacs makes it) and other hidden entries are skipped", async () => {
    const dir = folder("lock", (d) => {
      symlinkSync("user@host.1234:1700000000", join(d, ".#node.yaml"));
      writeFileSync(join(d, ".node.yaml.swp"), Buffer.from([0xff, 0xfe, 0x00]));
      mkdirSync(join(d, ".git"));
      writeFileSync(join(d, ".git", "config.yaml"), "not: [valid");
      writeFileSync(join(d, "node.yaml~"), "backup: [not read");
      writeFileSync(join(d, "#node.yaml#"), "autosave: [not read");
    });
    expect((await loadManifests([dir])).map((d) => d.file)).toEqual([join(dir, "node.yaml")]);
  });

  it("a broken link named like a manifest is an error naming the link and its target; the rest of the folder is still read", async () => {
    const dir = folder("broken", (d) => {
      symlinkSync("../gone/nodepool.yaml", join(d, "nodepool.yaml"));
      symlinkSync("missing-notes", join(d, "notes.txt"));
      writeFileSync(join(d, "z.yaml"), "kind: [");
    });
    const [link, syntax, ...rest] = (await failure([dir])).split("\n");
    expect(link).toBe(`${join(dir, "nodepool.yaml")}: is a symbolic link to "../gone/nodepool.yaml", which does not exist`);
    expect(syntax?.startsWith(`${join(dir, "z.yaml")}: document 1: line 1, column `)).toBe(true);
    expect(rest).toEqual([]);
  });

  it("an empty folder next to a bad path is still reported", async () => {
    const empty = join(root, "empty");
    mkdirSync(empty);
    const message = await failure([join(root, "nope.yaml"), empty]);
    expect(message.split("\n")[1]).toBe(`${empty}: holds no .yaml, .yml or .json file`);
  });
});

describe("text encoding", () => {
  it("Latin-1 bytes are reported with file, offset and line, not replaced with U+FFFD", async () => {
    const file = join(root, "latin1.yaml");
    writeFileSync(file, Buffer.concat([Buffer.from("apiVersion: v1\nkind: Node\nmetadata: { name: caf"), Buffer.from([0xe9]), Buffer.from(" }\n")]));
    expect(await failure([file])).toBe(`${file}: is not UTF-8 text: byte 0xE9 at offset 47 (line 3) is not part of a UTF-8 character`);
  });

  it("UTF-16 with its byte-order mark is reported at offset 0; UTF-8 with a BOM is read", async () => {
    const utf16 = join(root, "utf16.yaml");
    writeFileSync(utf16, Buffer.from(`\ufeff${NODE}`, "utf16le"));
    expect(await failure([utf16])).toBe(`${utf16}: is not UTF-8 text: byte 0xFF at offset 0 (line 1) is not part of a UTF-8 character`);
    const bom = join(root, "bom.yaml");
    writeFileSync(bom, `\ufeff${NODE}`);
    expect((await loadManifests([bom]))[0]?.object).toEqual({ apiVersion: "v1", kind: "Node", metadata: { name: "a" } });
  });
});
