// For the harness's own test (test_engine_harness.py): errors every engine must report.
console.error('broken.js logged');
throw new Error('broken.js threw');
