// The merge, checked with HdrHistogram's JavaScript implementation:
//   node check-merge.js MERGED.json N
// 1. the merged latency histogram equals, bucket for bucket, a histogram
//    built by hdr-histogram-js from every raw sample of the N shards
//    (shard-i.txt): both encoded by hdr-histogram-js give the same bytes;
// 2. hdr-histogram-js's HistogramLogReader decodes each shard's interval log
//    (shard-i.hlog), and its intervals hold exactly that shard's answers.
const fs = require('fs');
const hdr = require('hdr-histogram-js');
const [mergedPath, n] = [process.argv[2], Number(process.argv[3])];
const config = {lowestDiscernibleValue: 1, highestTrackableValue: 3600000000,
                numberOfSignificantValueDigits: 3, bitBucketSize: 64};
const merged = JSON.parse(fs.readFileSync(mergedPath, 'utf8'));
const fromMerge = hdr.decodeFromCompressedBase64(merged.latency.histogram, 64);
const fromSamples = hdr.build(config);
let samples = 0;
for (let i = 1; i <= n; i++) {
  for (const line of fs.readFileSync(`shard-${i}.txt`, 'utf8').split('\n')) {
    if (line) { fromSamples.recordValue(Number(line)); samples++; }
  }
}
const same = hdr.encodeIntoCompressedBase64(fromMerge) ===
             hdr.encodeIntoCompressedBase64(fromSamples);
console.log(`samples ${samples}, merged count ${fromMerge.totalCount}, ` +
            `bucket for bucket equal: ${same}`);
console.log(`p50 ${fromMerge.getValueAtPercentile(50) ===
                   fromSamples.getValueAtPercentile(50)}, p99 ${
    fromMerge.getValueAtPercentile(99) ===
    fromSamples.getValueAtPercentile(99)}, max ${
    fromMerge.getValueAtPercentile(100) ===
    fromSamples.getValueAtPercentile(100)}`);
for (let i = 1; i <= n; i++) {
  const shard = JSON.parse(fs.readFileSync(`shard-${i}.json`, 'utf8'));
  const reader = new hdr.HistogramLogReader(
      fs.readFileSync(`shard-${i}.hlog`, 'utf8'));
  let count = 0, intervals = 0, h;
  while ((h = reader.nextIntervalHistogram()) !== null) {
    count += h.totalCount;
    intervals++;
  }
  console.log(`shard ${i}: log decoded, ${intervals > 0 ? 'intervals' : 'NO intervals'}, ` +
              `count equals answers: ${count === shard.answers}`);
}
