/** placeholder */
package org.pointlearn.viewer.api;
