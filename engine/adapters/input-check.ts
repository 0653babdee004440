/** Run inputs are checked where definitions are: engine/definition/input-check.ts (the orchestrator checks them too). */
export { checkInput, parseJsonInput, type InputProblem } from '../definition/input-check';
