// Placeholder runner replaced by the benchmark suite (issue 7); kept runnable so `npm run bench` works.
console.log("nodefit benchmarks: suite not yet built");
