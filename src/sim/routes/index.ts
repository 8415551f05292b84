// Every endpoint the simulator serves.
import type { Route } from '../route.js';
import { oauthRoutes } from './oauth.js';
import { hostRoutes } from './hosts.js';
import { hostActionRoutes } from './hostActions.js';
import { indicatorRoutes } from './indicators.js';
import { alertRoutes } from './alerts.js';
import { iocRoutes } from './iocs.js';
import { hostGroupRoutes } from './hostGroups.js';
import { spotlightRoutes } from './spotlight.js';
import { incidentRoutes } from './incidents.js';
import { evaluationLogicRoutes } from './evaluationLogic.js';
import { reportRoutes } from './reports.js';

export const allRoutes: Route[] = [
  ...oauthRoutes,
  ...hostRoutes,
  ...hostActionRoutes,
  ...indicatorRoutes,
  ...alertRoutes,
  ...iocRoutes,
  ...hostGroupRoutes,
  ...spotlightRoutes,
  ...incidentRoutes,
  ...evaluationLogicRoutes,
  ...reportRoutes,
];
