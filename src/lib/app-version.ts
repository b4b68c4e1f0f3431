import { version } from '../../package.json';

/** benchtab's own version, recorded in every shared and saved result. */
export const APP_VERSION: string = version;
