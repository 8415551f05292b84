// The simulator's public surface: `import { startSimulator } from 'talon/sim'`.
export { startSimulator, type RunningSimulator } from './server.js';
export type { SimulatorOptions } from './options.js';
export type { FaultOptions } from './faults.js';
export { parseFaultSpec } from './faults.js';
