// Entry point of the compiled CLI (Docker image: `node dist/src/runtime/main.js <command>`).
import { main } from '../cli.js';

process.exitCode = await main(process.argv.slice(2));
