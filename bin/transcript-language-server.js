#!/usr/bin/env node
'use strict';
require('./compiled').runCompiled('transcript-language-server', 'server/src/main.js');
