#!/usr/bin/env node
// Serves a plain LoopBack 3 app folder (server/*.json + common/models/*.json) with real LoopBack 3,
// booted as a scaffolded app boots (server/server.js + server/boot/authentication.js of
// generator-loopback): loopback-boot reads server/config.json, datasources.json, model-config.json and
// middleware.json; auth is enabled. The app folder holds no JavaScript so that LiveModel can load the
// very same folder; what a scaffold does in JS is done here.
//
//   node serve.js <appFolder> <port>
//
// Prints "listening <port>" on stdout once the app accepts connections. If the app folder has
// server/seed.json ({"Model": [rows...]}), those rows are created, in order, before listening.
'use strict';

const path = require('path');
const Module = require('module');

const [appFolder, portArg] = process.argv.slice(2);
if (!appFolder || !portArg) {
  console.error('usage: node serve.js <appFolder> <port>');
  process.exit(2);
}
const appRoot = path.resolve(appFolder);
const serverDir = path.join(appRoot, 'server');

// The app folder lives outside this package, so "loopback/common/models" (model-config _meta.sources)
// and the middleware modules ("cors", "strong-error-handler") must resolve from this package's
// node_modules: loopback-boot consults Node's global paths, which NODE_PATH feeds.
process.env.NODE_PATH = [path.join(__dirname, 'node_modules'), process.env.NODE_PATH]
  .filter(Boolean).join(path.delimiter);
Module._initPaths();

const loopback = require('loopback');
const boot = require('loopback-boot');

const app = loopback();
boot(app, {appRootDir: serverDir, env: 'production'}, function(err) {
  if (err) throw err;
  app.enableAuth(); // server/boot/authentication.js of the scaffold
  seed(app, path.join(serverDir, 'seed.json'))
    .then(() => {
      const server = app.listen(Number(portArg), '127.0.0.1', () => {
        console.log('listening ' + server.address().port);
      });
    })
    .catch(e => {
      console.error('seeding failed:', e);
      process.exit(1);
    });
});

async function seed(app, file) {
  let data;
  try {
    data = require(file);
  } catch (e) {
    if (e.code === 'MODULE_NOT_FOUND') return;
    throw e;
  }
  for (const [modelName, rows] of Object.entries(data)) {
    if (modelName.startsWith('_')) continue;
    const Model = app.models[modelName];
    if (!Model) throw new Error('seed.json names an unknown model ' + modelName);
    for (const row of rows) await Model.create(row);
  }
}
