// The engine journeys in WebKitGTK (MiniBrowser through WebKitWebDriver, under xvfb-run).
import { journeys } from './journeys.mjs';

journeys('webkit');
