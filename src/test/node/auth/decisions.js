// Records LoopBack 3.28's access decisions for an app with a User-based model, $owner through
// belongsTo, userId, owner and ownerRelations, a custom role, ACL rows and defaultPermission DENY
// (npm i loopback@3.28.0; node decisions.js > ../../resources/io/livemodel/auth/loopback-decisions.json).
'use strict';
const loopback = require('loopback');

const models = {
  Customer: {name: 'Customer', base: 'User', properties: {nickname: 'string'},
    acls: [{principalType: 'ROLE', principalId: '$authenticated', permission: 'ALLOW', property: 'find'}]},
  Book: {name: 'Book', base: 'PersistedModel', properties: {title: 'string', authorId: 'number'},
    relations: {author: {type: 'belongsTo', model: 'Customer', foreignKey: 'authorId'}},
    acls: [
      {principalType: 'ROLE', principalId: '$everyone', permission: 'DENY'},
      {principalType: 'ROLE', principalId: '$authenticated', permission: 'ALLOW', accessType: 'READ'},
      {principalType: 'ROLE', principalId: '$owner', permission: 'ALLOW'},
      {principalType: 'ROLE', principalId: 'editor', permission: 'ALLOW', accessType: 'WRITE'},
      {principalType: 'ROLE', principalId: '$unauthenticated', permission: 'DENY', accessType: 'EXECUTE',
        property: 'createChangeStream'},
      {principalType: 'ROLE', principalId: '$everyone', permission: 'ALLOW', property: ['count', 'exists']},
    ]},
  Diary: {name: 'Diary', base: 'PersistedModel', properties: {text: 'string', userId: 'number'},
    defaultPermission: 'DENY',
    acls: [
      {principalType: 'USER', principalId: 1, permission: 'ALLOW', accessType: 'READ'},
      {principalType: 'ROLE', principalId: '$owner', permission: 'ALLOW', accessType: '*'},
    ]},
  Note: {name: 'Note', base: 'PersistedModel', properties: {text: 'string'}},
  Album: {name: 'Album', base: 'PersistedModel', ownerRelations: true,
    properties: {title: 'string', userId: 'number'},
    relations: {maker: {type: 'belongsTo', model: 'Customer', foreignKey: 'makerId'},
      curator: {type: 'belongsTo', model: 'Customer', foreignKey: 'curatorId'}},
    acls: [{principalType: 'ROLE', principalId: '$everyone', permission: 'DENY'},
      {principalType: 'ROLE', principalId: '$owner', permission: 'ALLOW'}]},
  Photo: {name: 'Photo', base: 'PersistedModel', properties: {title: 'string', owner: 'number', ownerId: 'number'},
    acls: [{principalType: 'ROLE', principalId: '$everyone', permission: 'DENY'},
      {principalType: 'ROLE', principalId: '$owner', permission: 'ALLOW'}]},
};
const rows = [
  {model: 'Book', property: 'deleteById', accessType: 'WRITE', principalType: 'ROLE', principalId: '$authenticated', permission: 'DENY'},
  {model: 'Book', property: 'updateAttributes', accessType: '*', principalType: 'USER', principalId: '1', permission: 'ALLOW'},
  {model: '*', property: '*', accessType: 'READ', principalType: 'USER', principalId: '3', permission: 'DENY'},
  {model: 'Note', property: 'create', accessType: 'EXECUTE', principalType: 'ROLE', principalId: '$everyone', permission: 'DENY'},
];
const instances = {
  Customer: [{id: 1}, {id: 2}, {id: 3}],
  Book: [{id: 1, title: 'a', authorId: 1}, {id: 2, title: 'b', authorId: 2}],
  Diary: [{id: 1, text: 'x', userId: 2}, {id: 2, text: 'y', userId: 3}],
  Note: [{id: 1, text: 'n'}],
  Album: [{id: 1, makerId: 1, curatorId: 2, userId: 3}, {id: 2, makerId: 3, curatorId: 3, userId: 1}],
  Photo: [{id: 1, owner: 2, ownerId: 1}, {id: 2, owner: 1, ownerId: 2}],
};
const calls = {
  Customer: [['find'], ['findById', 1], ['findById', 2], ['create'], ['login'], ['logout'], ['patchAttributes', 1],
    ['replaceById', 2], ['deleteById', 1], ['changePassword'], ['confirm'], ['count'], ['createChangeStream']],
  Book: [['find'], ['findById', 1], ['findById', 2], ['create'], ['patchAttributes', 1], ['patchAttributes', 2],
    ['deleteById', 1], ['deleteById', 2], ['replaceById', 2], ['createChangeStream'], ['count'], ['exists', 2],
    ['__get__author', 1], ['__get__author', 2], ['updateAll'], ['patchOrCreate']],
  Diary: [['find'], ['findById', 1], ['findById', 2], ['create'], ['deleteById', 2], ['createChangeStream']],
  Note: [['find'], ['create'], ['deleteById', 1], ['createChangeStream']],
  Album: [['find'], ['findById', 1], ['findById', 2], ['patchAttributes', 1], ['patchAttributes', 2]],
  Photo: [['find'], ['findById', 1], ['findById', 2], ['deleteById', 1], ['deleteById', 2]],
};

async function main() {
  const app = loopback({localRegistry: true, loadBuiltinModels: true});
  app.set('_verifyAuthModelRelations', false);
  app.dataSource('db', {connector: 'memory'});
  app.enableAuth({dataSource: 'db'});
  for (const def of Object.values(models)) {
    const {name, base, properties, ...settings} = def;
    app.model(app.registry.createModel(name, properties, Object.assign({base}, settings)), {dataSource: 'db'});
  }
  const {ACL, Role, RoleMapping, AccessToken} = app.models;
  await ACL.create(rows);
  for (const [name, list] of Object.entries(instances)) {
    for (const inst of list) {
      const data = Object.assign({}, inst);
      delete data.id;
      if (name === 'Customer') Object.assign(data, {email: 'u' + inst.id + '@example.com', password: 'pw' + inst.id});
      await app.models[name].create(data);
    }
  }
  const editor = await Role.create({name: 'editor'});
  await RoleMapping.create({roleId: editor.id, principalType: 'USER', principalId: '2'});
  const callers = {anonymous: null};
  for (const id of [1, 2, 3]) callers['user' + id] = await AccessToken.create({userId: id, ttl: 3600});
  const results = [];
  for (const [modelName, list] of Object.entries(calls)) {
    const Model = app.models[modelName];
    for (const [method, id] of list) {
      const shared = Model.sharedClass.methods().find(m => m.name === method);
      if (!shared) throw new Error('no method ' + modelName + '.' + method);
      for (const [caller, token] of Object.entries(callers)) {
        const allowed = await new Promise((resolve, reject) => Model.checkAccess(token, id, shared, {},
          (err, ok) => err ? reject(err) : resolve(ok)));
        results.push({caller, model: modelName, method: (shared.isStatic ? '' : 'prototype.') + method,
          id: id === undefined ? null : id, allowed});
      }
    }
  }
  process.stdout.write(JSON.stringify({loopback: require('loopback/package.json').version,
    models, rows, instances, roles: {editor: ['USER', '2']}, results}, null, 0));
}
main().catch(e => { console.error(e); process.exit(1); });
