// Static checks of the deployment files (docker/, k8s/): `npx jest -c tools/deploy/jest.config.js`.
module.exports = { ...require('../../jest.preset.js'), displayName: 'deploy', rootDir: __dirname };
