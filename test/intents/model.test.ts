import { describe, expect, it } from "vitest";
import { build, loadCorpus } from "../../src/cli/train.js";
import { encode, features, loadModel, metaTags, predict } from "../../src/intents/model.js";
import { normalize } from "../../src/intents/normalize.js";
import { classifyOffline, getModel } from "../../src/intents/offline.js";

const corpus = loadCorpus();
const hash = (s: string) => [...s].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
const heldOut = corpus.filter((r) => hash(r.id) % 5 === 0);
const trainRows = corpus.filter((r) => hash(r.id) % 5 !== 0);

describe("model", () => {
  it("the committed model file loads with its three heads", () => {
    const m = getModel();
    expect(m.vocab.size).toBeGreaterThan(1000);
    expect(Object.keys(m.heads).sort()).toEqual(["category", "intent", "urgency"]);
  });

  it("the committed classifier agrees with its training corpus", () => {
    const sample = corpus.filter((_, i) => i % 7 === 0);
    const ok = sample.filter((r) => classifyOffline({ text: r.text, chat: r.chat, mentioned: r.mentioned }).intent === r.intent);
    expect(ok.length / sample.length).toBeGreaterThan(0.9);
  });

  it("a model trained without a held-out slice still classifies that slice well", () => {
    const model = loadModel(build(trainRows));
    const head = model.heads.intent;
    if (!head) throw new Error("no intent head");
    const ok = heldOut.filter((r) => {
      const p = predict(head, encode(model, features(normalize(r.text), metaTags(r.chat, r.mentioned))));
      return head.classes[p.indexOf(Math.max(...p))] === r.intent;
    });
    expect(ok.length / heldOut.length).toBeGreaterThan(0.85);
  }, 60_000);
});
