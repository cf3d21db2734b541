// Records every remote method of a PersistedModel with relations and of a User-based model, with
// LoopBack 3.28's accessType and aliases (npm i loopback@3.28.0; node remote-methods.js > ../../resources/io/livemodel/auth/loopback-remote-methods.json).
'use strict';
const loopback = require('loopback');
const app = loopback({localRegistry: true, loadBuiltinModels: true});
app.dataSource('db', {connector: 'memory'});
const Customer = app.registry.createModel({name: 'Customer', base: 'User'});
const Book = app.registry.createModel({name: 'Book', base: 'PersistedModel', properties: {title: 'string'},
  relations: {owner: {type: 'belongsTo', model: 'Customer', foreignKey: 'ownerId'},
    pages: {type: 'hasMany', model: 'Page'}, cover: {type: 'hasOne', model: 'Page', foreignKey: 'coverOf'},
    tags: {type: 'hasAndBelongsToMany', model: 'Page'}}});
const Page = app.registry.createModel({name: 'Page', base: 'PersistedModel'});
app.model(Customer, {dataSource: 'db'}); app.model(Page, {dataSource: 'db'}); app.model(Book, {dataSource: 'db'});
const out = {};
for (const M of [Book, Customer]) {
  for (const m of M.sharedClass.methods({includeDisabled: false})) {
    out[M.modelName + '.' + m.name] = {accessType: M._getAccessTypeForMethod(m), aliases: m.aliases, isStatic: m.isStatic};
  }
}
process.stdout.write(JSON.stringify({loopback: require("loopback/package.json").version, methods: out}, null, 1));
