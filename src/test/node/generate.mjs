// The reference implementation for the offline engine's differential test: transformers.js (the program the
// Xenova OPUS-MT exports are made for) generates from the same model folder and the same input ids.
// Usage: node generate.mjs REQUEST.json  — {"model": DIR, "dtype": "fp32"|"q8", "cases": [{"ids": [...],
// "num_beams": 1, "max_new_tokens": N}]}; prints {"outputs": [[ids without the start token], ...]}.
import { readFileSync } from 'node:fs';
import { AutoModelForSeq2SeqLM, Tensor, env } from '@huggingface/transformers';

env.allowRemoteModels = false;
env.localModelPath = '/';

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const model = await AutoModelForSeq2SeqLM.from_pretrained(request.model, { dtype: request.dtype, local_files_only: true });
const outputs = [];
for (const c of request.cases) {
    const input_ids = new Tensor('int64', BigInt64Array.from(c.ids.map(BigInt)), [1, c.ids.length]);
    const attention_mask = new Tensor('int64', BigInt64Array.from(c.ids.map(() => 1n)), [1, c.ids.length]);
    const generated = await model.generate({
        input_ids, attention_mask, num_beams: c.num_beams, max_new_tokens: c.max_new_tokens, do_sample: false,
    });
    outputs.push(Array.from(generated.data).map(Number).slice(1)); // without the decoder start token
}
process.stdout.write(JSON.stringify({ outputs }));
