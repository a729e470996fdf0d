/**
 * The Compose file model (`compose.yaml`), shared by `docker compose` and `docker stack deploy`.
 *
 *   loadProject({ file, text, projectName?, env? }) -> Result<ComposeProject, ComposeError>
 *       parse (go-yaml's messages: `yaml: line 3: mapping values are not allowed in this context`),
 *       interpolate ${VAR}, check the schema (`services.web additional properties 'foo' not allowed`),
 *       normalise (ports short/long, volumes, environment list/map, networks incl. the implicit
 *       `default`, deploy.replicas), check consistency and depends_on cycles. Errors carry line/col.
 *   composeErrorText(error, file)   the text docker compose prints (schema errors: `validating FILE: ...`)
 *   startOrder(project) / stopOrder(project)   services in depends_on order
 *   normalizeProjectName(folder)    the project name a folder gives
 *   COMPOSE_FILE_NAMES              the files looked for when -f is not given, in order
 */
export { loadProject, composeErrorText, normalizeProjectName, findCycle, type LoadOptions } from './load';
export { startOrder, stopOrder } from './order';
export type { ComposeProject, ComposeService, ComposePort, ComposeMount, ComposeNetwork, ComposeVolume, ComposeFileObject, ComposeError, FileReference, ServiceNetwork } from './types';

/** compose-go's DefaultFileNames, in the order they are tried. */
export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
