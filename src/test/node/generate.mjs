// The reference implementation for the offline engine's differential test: transformers.js (the program the
// Xenova OPUS-MT exports are made for) generates from the same model folder.
// Usage: node generate.mjs REQUEST.json — {"model": DIR, "dtype": "fp32"|"q8", "cases": [{"ids": [...] or
// "text": "...", "num_beams": 1, "max_new_tokens": N}]}; prints {"outputs": [[ids without the start token], ...],
// "inputs": [[source ids], ...], "texts": [decoded output or null when the case gave ids], "seconds": time of
// tokenizing, generating and decoding}. Optional: "threads" (ONNX Runtime intra-op threads), "warmup" (how many
// cases run once, untimed, first).
import { readFileSync } from 'node:fs';
import { AutoModelForSeq2SeqLM, AutoTokenizer, Tensor, env } from '@huggingface/transformers';

env.allowRemoteModels = false;
env.localModelPath = '/';

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const session_options = request.threads ? { intraOpNumThreads: request.threads, interOpNumThreads: 1 } : undefined;
const model = await AutoModelForSeq2SeqLM.from_pretrained(request.model, {
    dtype: request.dtype, local_files_only: true, session_options,
});
const needsText = request.cases.some((c) => c.text !== undefined);
const tokenizer = needsText ? await AutoTokenizer.from_pretrained(request.model, { local_files_only: true }) : null;
const outputs = [];
const inputs = [];
const texts = [];
let seconds = 0;
for (const c of request.cases.slice(0, request.warmup ?? 0)) {
    await translate(c);
}
for (const c of request.cases) {
    const start = process.hrtime.bigint();
    const { ids, output, text } = await translate(c);
    seconds += Number(process.hrtime.bigint() - start) / 1e9;
    inputs.push(ids);
    outputs.push(output.slice(1)); // without the decoder start token
    texts.push(text);
}
process.stdout.write(JSON.stringify({ outputs, inputs, texts, seconds }));

async function translate(c) {
    const ids = c.text !== undefined ? Array.from(tokenizer(c.text).input_ids.data).map(Number) : c.ids;
    const input_ids = new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]);
    const attention_mask = new Tensor('int64', BigInt64Array.from(ids.map(() => 1n)), [1, ids.length]);
    const generated = await model.generate({
        input_ids, attention_mask, num_beams: c.num_beams, max_new_tokens: c.max_new_tokens, do_sample: false,
    });
    const output = Array.from(generated.data).map(Number);
    const text = c.text !== undefined ? tokenizer.decode(output, { skip_special_tokens: true }) : null;
    return { ids, output, text };
}
